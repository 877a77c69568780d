import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/auth/not-allowed";
import { DemoLinksManager } from "@/components/demo/demo-links-manager";
import { canMakeDemoLinks, canUsePlayground } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("demoLinks");

export default async function DemoLinksPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("demo.page");
  if (!canMakeDemoLinks(actor)) return <NotAllowed what="demoLinks" />;
  const services = getServices();
  const instances = services.supervisor
    .list()
    .filter((instance) => canUsePlayground(actor, instance))
    .map((instance) => ({ id: instance.id, name: instance.name }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-400">{t("intro")}</p>
      <DemoLinksManager initialLinks={await services.demoLinks.list(actor)} instances={instances} />
    </div>
  );
}
