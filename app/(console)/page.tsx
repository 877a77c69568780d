import { getTranslations } from "next-intl/server";
import { InstanceList } from "@/components/instances/instance-list";
import { LaunchCard } from "@/components/instances/launch-card";
import { GLM47_FLASH_PRESETS } from "@/lib/launch";
import { canLaunchInstance, canListInstances } from "@/lib/authz";
import { NotAllowed } from "@/components/auth/not-allowed";
import { getServices } from "@/server/registry";
import { requirePageActor } from "./_lib/page-actor";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await requirePageActor();
  const t = await getTranslations("instances.home");
  if (!canListInstances(actor)) return <NotAllowed what="instances" />;
  const { supervisor, runtime } = getServices();
  const preset = GLM47_FLASH_PRESETS[0]!.profile;
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <InstanceList instances={supervisor.list()} />
      </section>
      {canLaunchInstance(actor) && <LaunchCard preset={preset} python={runtime.python} simulated={runtime.simulated} runtimeReason={runtime.reasonCode} />}
    </div>
  );
}
