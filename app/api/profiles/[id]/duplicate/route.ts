import { canManageProfiles } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ params, services }) => ({ profile: await services.launchProfiles.duplicateLaunchProfile(services.db, { id: params.id }) }),
  status: 201,
});
