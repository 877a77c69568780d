import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/auth/not-allowed";
import { UsageReport } from "@/components/keys/usage-report";
import { canUseApiKeys, canViewEveryonesUsage } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("usage");

export default async function UsagePage() {
  const actor = await requirePageActor();
  const t = await getTranslations("usage.page");
  if (!canUseApiKeys(actor)) return <NotAllowed what="usage" />;
  const services = getServices();
  const everyone = canViewEveryonesUsage(actor);
  const [rows, users] = await Promise.all([services.usage.list(everyone ? {} : { userId: actor.id }), everyone ? services.auth.listUsers() : Promise.resolve(null)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-400">{everyone ? t("introEveryone") : t("introOwn")}</p>
      <UsageReport initialRows={rows} users={users} />
    </div>
  );
}
