import Link from "next/link";
import { useTranslations } from "next-intl";
import type { InstanceView } from "@/lib/instance-view";
import { PhaseBadge, SimulatedBadge } from "./phase-badge";

export function InstanceList({ instances }: { instances: InstanceView[] }) {
  const t = useTranslations("instances.list");
  if (instances.length === 0) {
    return <p className="text-sm text-zinc-400">{t("empty")}</p>;
  }
  return (
    <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800" data-testid="instance-list">
      {instances.map((instance) => (
        <li key={instance.id}>
          <Link href={`/instances/${instance.id}`} className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-900">
            <span className="font-medium">{instance.name}</span>
            <span className="truncate font-mono text-xs text-zinc-500">{instance.modelPath}</span>
            <span className="font-mono text-xs text-zinc-500">
              {instance.host}:{instance.port}
            </span>
            <span className="text-xs text-zinc-400">{t("by", { owner: instance.ownerName })}</span>
            <span className="ml-auto flex items-center gap-2">
              {instance.simulated && <SimulatedBadge />}
              <PhaseBadge phase={instance.phase} stage={instance.run?.stage} percent={instance.run?.progress?.percent} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
