import { z } from "zod";
import { canManageProfiles, canViewProfiles } from "@/lib/authz";
import { launchProfileSchema } from "@/lib/launch";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: (actor) => canViewProfiles(actor),
  handler: async ({ services }) => ({ profiles: await services.launchProfiles.listLaunchProfiles(services.db) }),
});

export const POST = apiRoute({
  body: z.object({ profile: launchProfileSchema }),
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ body, services }) => ({ profile: await services.launchProfiles.createLaunchProfile(services.db, { profile: body.profile }) }),
  status: 201,
});
