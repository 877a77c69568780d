import { canUseApiKeys } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

/** Revokes a key at once: the next request with it gets 401. Yours, or anyone's for an administrator. */
export const DELETE = apiRoute<undefined, { id: string }>({
  allow: canUseApiKeys,
  handler: async ({ params, actor, services }) => {
    const key = await services.apiKeys.revoke(actor, params.id);
    await services.audit({ actor, action: "api_key_revoke", target: key.name, detail: { keyId: key.id, prefix: key.prefix } });
    return { key };
  },
});
