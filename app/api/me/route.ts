import { canUseOwnAccount } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: canUseOwnAccount,
  handler: async ({ actor }) => ({ user: actor }),
});
