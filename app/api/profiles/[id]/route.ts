import { z } from "zod";
import { canManageProfiles, canViewProfiles } from "@/lib/authz";
import { launchProfileSchema } from "@/lib/launch";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<undefined, { id: string }>({
  allow: (actor) => canViewProfiles(actor),
  handler: async ({ params, services }) => ({ profile: await services.launchProfiles.findLaunchProfileOrThrow(services.db, { id: params.id }) }),
});

export const PUT = apiRoute<{ profile: z.infer<typeof launchProfileSchema> }, { id: string }>({
  body: z.object({ profile: launchProfileSchema }),
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ body, params, services }) => ({ profile: await services.launchProfiles.updateLaunchProfile(services.db, { id: params.id, profile: body.profile }) }),
});

export const DELETE = apiRoute<undefined, { id: string }>({
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ params, services }) => {
    await services.launchProfiles.deleteLaunchProfile(services.db, { id: params.id });
    return { deleted: params.id };
  },
});
