import { canViewInstance } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

/** The instance's history of runs, newest first. */
export const GET = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canViewInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services }) => ({ runs: await services.supervisor.runs(params.id) }),
});
