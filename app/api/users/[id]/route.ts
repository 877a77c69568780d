import { z } from "zod";
import { canManageUsers, ROLES } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

const changeSchema = z
  .object({ role: z.enum(ROLES).optional(), status: z.enum(["active", "disabled"]).optional() })
  .refine((change) => change.role !== undefined || change.status !== undefined, "give a role or a status");

/** Change a user's role, or disable / enable / approve them. An administrator cannot lock themselves out. */
export const PATCH = apiRoute<z.infer<typeof changeSchema>, { id: string }>({
  body: changeSchema,
  allow: canManageUsers,
  handler: async ({ body, params, actor, services }) => {
    if (params.id === actor.id && (body.status === "disabled" || (body.role && body.role !== "admin"))) {
      throw new AppError("conflict", { detail: "you cannot disable yourself or give up your own administrator role; ask another administrator" });
    }
    let user = undefined;
    if (body.role) {
      user = await services.auth.setRole(params.id, body.role);
      await services.audit({ actor, action: "user_role", target: user.email, detail: { role: body.role } });
    }
    if (body.status) {
      const before = (await services.auth.listUsers()).find((candidate) => candidate.id === params.id)?.status;
      user = await services.auth.setStatus(params.id, body.status);
      await services.audit({ actor, action: "user_status", target: user.email, detail: { from: before, to: user.status } });
    }
    return { user };
  },
});
