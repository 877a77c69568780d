import { z } from "zod";
import { canManageProfiles, canViewProfiles } from "@/lib/authz";
import { launchProfileSchema } from "@/lib/launch";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

/** The profiles the actor may see: their own and the shared ones (administrators: all). */
export const GET = apiRoute({
  allow: (actor) => canViewProfiles(actor),
  handler: async ({ actor, services }) => ({ profiles: await services.launchProfiles.list(actor) }),
});

export const POST = apiRoute({
  body: z.object({ profile: launchProfileSchema, shared: z.boolean().optional() }),
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ body, actor, services }) => {
    const profile = await services.launchProfiles.create(actor, body.profile, body.shared);
    await services.audit({ actor, action: "profile_create", target: profile.profile.name, detail: { profileId: profile.id, shared: profile.shared } });
    return { profile };
  },
  status: 201,
});
