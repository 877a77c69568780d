import { z } from "zod";
import { canManageUsers } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";
import { passwordSchema } from "../../../_lib/user-schemas";

export const dynamic = "force-dynamic";

/** An administrator sets a new password for someone; their sessions end. */
export const POST = apiRoute<{ password: string }, { id: string }>({
  body: z.object({ password: passwordSchema }),
  allow: canManageUsers,
  handler: async ({ body, params, actor, services }) => {
    await services.auth.resetPassword(params.id, body.password);
    const user = (await services.auth.listUsers()).find((candidate) => candidate.id === params.id);
    await services.audit({ actor, action: "user_password_reset", target: user?.email ?? params.id });
    return { ok: true };
  },
});
