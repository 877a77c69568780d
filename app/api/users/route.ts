import { canManageUsers } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";
import { userInputSchema } from "../_lib/user-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: canManageUsers,
  handler: async ({ services }) => ({ users: await services.auth.listUsers() }),
});

export const POST = apiRoute({
  body: userInputSchema,
  allow: canManageUsers,
  handler: async ({ body, actor, services }) => {
    const user = await services.auth.createUser(body);
    await services.audit({ actor, action: "user_create", target: user.email, detail: { role: user.role } });
    return { user };
  },
  status: 201,
});
