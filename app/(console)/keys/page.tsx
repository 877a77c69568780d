import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/auth/not-allowed";
import { ApiKeysManager } from "@/components/keys/api-keys-manager";
import { canManageEveryonesKeys, canUseApiKeys } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("keys");

export default async function ApiKeysPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("keys.page");
  if (!canUseApiKeys(actor)) return <NotAllowed what="keys" />;
  const keys = await getServices().apiKeys.list(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-400">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <ApiKeysManager initialKeys={keys} showOwners={canManageEveryonesKeys(actor)} />
    </div>
  );
}
