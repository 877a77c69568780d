import { canControlInstance, canViewInstance } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canViewInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services }) => ({ instance: services.supervisor.getOrThrow(params.id) }),
});

/** Deletes a stopped instance with its run history and logs (stop it first). */
export const DELETE = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canControlInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, actor }) => {
    const instance = await services.supervisor.remove(params.id);
    await services.audit({ actor, action: "instance_delete", target: instance.name, detail: { instanceId: instance.id } });
    return { deleted: instance.id };
  },
});
