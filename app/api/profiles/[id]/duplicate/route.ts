import { canManageProfiles } from "@/lib/authz";
import { duplicateLaunchProfile } from "@/server/db/launch-profiles";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor) => canManageProfiles(actor),
  handler: async ({ params, services }) => ({ profile: await duplicateLaunchProfile(services.db, { id: params.id }) }),
  status: 201,
});
