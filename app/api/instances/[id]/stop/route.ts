import { canControlInstance } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canControlInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, actor }) => {
    const instance = await services.supervisor.stop(params.id);
    await services.audit({ actor, action: "instance_stop", target: instance.name, detail: { instanceId: instance.id } });
    return { instance };
  },
});
