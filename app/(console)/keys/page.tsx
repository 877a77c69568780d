import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { ApiKeysManager } from "@/components/keys/api-keys-manager";
import { canManageEveryonesKeys, canUseApiKeys } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys · SGLang Console" };

export default async function ApiKeysPage() {
  const actor = await requirePageActor();
  if (!canUseApiKeys(actor)) return <NotAllowed what="keys" />;
  const keys = await getServices().apiKeys.list(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
      <p className="text-sm text-zinc-400">
        One OpenAI-compatible endpoint for every model on this box: keep the official <code>openai</code> SDK and change only{" "}
        <code>base_url</code> (this console&apos;s address + <code>/v1</code>) and <code>api_key</code>.
      </p>
      <ApiKeysManager initialKeys={keys} showOwners={canManageEveryonesKeys(actor)} />
    </div>
  );
}
