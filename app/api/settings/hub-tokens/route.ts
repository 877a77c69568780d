import { canManageHubTokens } from "@/lib/authz";
import { hubTokenChangeSchema } from "@/lib/downloads";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

/** Whether a token is stored for each hub (its last 4 characters at most) and which one downloads use; never a token. */
export const GET = apiRoute({
  allow: canManageHubTokens,
  handler: async ({ services }) => ({ tokens: await services.hubTokens.list() }),
});

/** Stores (`token`) or clears (`token: null`) a hub's token, audited without the token. */
export const PUT = apiRoute({
  body: hubTokenChangeSchema,
  allow: canManageHubTokens,
  handler: async ({ body, actor, services }) => {
    const { changed, view } = await services.hubTokens.change(body.source, body.token);
    if (changed) await services.audit({ actor, action: body.token === null ? "hub_token_clear" : "hub_token_set", target: body.source, detail: { source: body.source } });
    return { token: view };
  },
});
