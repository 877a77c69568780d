import Link from "next/link";
import { useTranslations } from "next-intl";
import type { GpuHolder } from "@/lib/realtime-telemetry";
import { PhaseBadge } from "../instances/phase-badge";
import { Badge } from "../ui/badge";

const mib = (value: number | null) => (value === null ? "?" : value >= 1024 ? `${(value / 1024).toFixed(1)} GiB` : `${value} MiB`);


/** Who holds memory on a GPU: an instance (name and owner, linked) or a foreign process (PID and name). */
export function GpuHolders({ holders }: { holders: GpuHolder[] }) {
  const t = useTranslations("gpus.holders");
  if (holders.length === 0) return <p className="text-xs text-zinc-500">{t("none")}</p>;
  return (
    <ul className="space-y-1 text-xs" aria-label={t("label")}>
      {holders.map((holder) =>
        holder.kind === "instance" ? (
          <li key={holder.pid} data-testid="gpu-holder" data-kind="instance" className="flex items-center gap-2">
            <Badge tone="info">{t("instance")}</Badge>
            <Link href={`/instances/${holder.instanceId}`} className="font-medium text-sky-300 hover:underline">
              {holder.instanceName}
            </Link>
            <span className="text-zinc-500">{t("by", { owner: holder.owner })}</span>
            {holder.phase !== "ready" && <PhaseBadge phase={holder.phase} />}
            <span className="ml-auto font-mono text-zinc-400">
              {t("pid", { pid: holder.pid })} · {mib(holder.usedMemoryMiB)}
            </span>
          </li>
        ) : (
          <li key={holder.pid} data-testid="gpu-holder" data-kind="foreign" className="flex items-center gap-2">
            <Badge tone="warning">{t("foreign")}</Badge>
            <span className="max-w-[16rem] truncate font-mono text-zinc-300" title={holder.processName}>
              {holder.processName}
            </span>
            <span className="ml-auto font-mono text-zinc-400">
              {t("pid", { pid: holder.pid })} · {mib(holder.usedMemoryMiB)}
            </span>
          </li>
        ),
      )}
    </ul>
  );
}
