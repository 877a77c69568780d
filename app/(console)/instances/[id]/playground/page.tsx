import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PhaseBadge, SimulatedBadge } from "@/components/instances/phase-badge";
import { PlaygroundShell } from "@/components/playground/playground-shell";
import { canUsePlayground } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../../../_lib/page-actor";

export const dynamic = "force-dynamic";

export default async function PlaygroundPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const supervisor = getServices().supervisor;
  const instance = supervisor.get(id);
  if (!instance || !canUsePlayground(actor, instance)) notFound();
  const t = await getTranslations("playground");
  const instances = supervisor.list().filter((other) => canUsePlayground(actor, other)).map((i) => ({ id: i.id, name: i.name, phase: i.phase }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <Link href={`/instances/${instance.id}`} className="text-sm text-sky-400 hover:underline">
          {instance.name}
        </Link>
        <PhaseBadge phase={instance.phase} />
        {instance.simulated && <SimulatedBadge />}
        <span className="font-mono text-xs text-zinc-500">{instance.servedModelName ?? instance.modelPath}</span>
      </div>
      {instance.phase !== "ready" && (
        <p role="status" className="rounded-md border border-amber-800 bg-amber-950/50 px-3 py-2 text-sm text-amber-200">
          {t("notReady", { phase: instance.phase })}
        </p>
      )}
      <PlaygroundShell
        instance={{ id: instance.id, name: instance.name, phase: instance.phase, host: instance.host, port: instance.port, model: instance.servedModelName ?? instance.modelPath }}
        instances={instances}
      />
    </div>
  );
}
