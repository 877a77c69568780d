import { AppError } from "@/lib/errors";
import { publicApiRoute } from "../_lib/api-route";
import { userInputSchema } from "../_lib/user-schemas";

export const dynamic = "force-dynamic";

/** Self sign-up, when an administrator turned it on: the new user waits as pending, a viewer once approved. */
export const POST = publicApiRoute({
  body: userInputSchema.omit({ role: true }),
  handler: async ({ body, services }) => {
    if (!(await services.settings.read()).signUpEnabled) throw new AppError("sign_up_closed");
    const user = await services.auth.createUser({ ...body, role: "viewer", pending: true });
    await services.audit({ actor: { id: user.id, name: user.name }, action: "user_sign_up", target: user.email });
    return { user };
  },
  status: 201,
});
