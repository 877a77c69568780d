import { z } from "zod";
import { canManageProfiles, canViewProfiles } from "@/lib/authz";
import { launchProfileSchema } from "@/lib/launch";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<undefined, { id: string }>({
  allow: (actor) => canViewProfiles(actor),
  handler: async ({ params, actor, services }) => ({ profile: await services.launchProfiles.get(actor, params.id) }),
});

const updateSchema = z.object({ profile: launchProfileSchema, shared: z.boolean().optional() });

// Ownership needs the row: launchProfiles checks canChangeProfile.
export const PUT = apiRoute<z.infer<typeof updateSchema>, { id: string }>({
  body: updateSchema,
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ body, params, actor, services }) => {
    const profile = await services.launchProfiles.update(actor, params.id, body.profile, body.shared);
    await services.audit({ actor, action: "profile_update", target: profile.profile.name, detail: { profileId: profile.id, shared: profile.shared } });
    return { profile };
  },
});

export const DELETE = apiRoute<undefined, { id: string }>({
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ params, actor, services }) => {
    const removed = await services.launchProfiles.remove(actor, params.id);
    await services.audit({ actor, action: "profile_delete", target: removed.profile.name, detail: { profileId: params.id } });
    return { deleted: params.id };
  },
});
