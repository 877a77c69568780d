import { createApiKeySchema } from "@/lib/api-keys";
import { canUseApiKeys } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

/** Your keys (administrators: everyone's), never their secrets. */
export const GET = apiRoute({
  allow: canUseApiKeys,
  handler: async ({ actor, services }) => ({ keys: await services.apiKeys.list(actor) }),
});

/** A new key; its secret is in this answer and nowhere else, ever. */
export const POST = apiRoute({
  body: createApiKeySchema,
  allow: canUseApiKeys,
  handler: async ({ body, actor, services }) => {
    const created = await services.apiKeys.create(actor, body);
    await services.audit({ actor, action: "api_key_create", target: created.key.name, detail: { keyId: created.key.id, prefix: created.key.prefix } });
    return created;
  },
  status: 201,
});
