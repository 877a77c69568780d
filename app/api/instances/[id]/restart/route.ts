import { canControlInstance } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canControlInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, actor }) => ({ instance: await services.supervisor.restart(params.id, actor.id) }),
});
