import { z } from "zod";
import { publicApiRoute } from "../_lib/api-route";
import { userInputSchema } from "../_lib/user-schemas";

export const dynamic = "force-dynamic";

/** Whether the console still needs its administrator, and whether creating it needs the printed token. */
export const GET = publicApiRoute({
  handler: async ({ services }) => ({ needsSetup: await services.firstRun.needsSetup(), tokenRequired: services.firstRun.setupToken !== null }),
});

export const POST = publicApiRoute({
  body: userInputSchema.omit({ role: true }).extend({ token: z.string().max(200).optional() }),
  handler: async ({ body, services }) => {
    const admin = await services.firstRun.setupFromBrowser(body);
    await services.audit({ actor: { id: admin.id, name: admin.name }, action: "setup", target: admin.email });
    return { user: admin };
  },
  status: 201,
});
