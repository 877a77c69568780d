import { useTranslations } from "next-intl";
import type { InstancePhase } from "@/lib/instance-phase";
import { Badge, type BadgeProps } from "../ui/badge";

const PHASE_TONES: Record<InstancePhase, BadgeProps["tone"]> = {
  starting: "info",
  loading: "info",
  ready: "success",
  unresponsive: "danger",
  stopping: "warning",
  stopped: "neutral",
  crashed: "danger",
  failed_start: "danger",
};

/** A startup stage in words: SGLang's stage code when the catalogue has no name for it. */
export function useStageName(): (stage: string) => string {
  const t = useTranslations("phases.stage");
  return (stage) => (t.has(stage) ? t(stage) : stage);
}

export function PhaseBadge({ phase, stage, percent }: { phase: InstancePhase; stage?: string | null; percent?: number | null }) {
  const t = useTranslations("phases");
  const stageName = useStageName();
  const detail = phase === "loading" && stage ? ` · ${stageName(stage)}${percent != null ? ` ${percent}%` : ""}` : "";
  return (
    <Badge tone={PHASE_TONES[phase]} data-testid="phase" data-phase={phase}>
      {t(`instance.${phase}`)}
      {detail}
    </Badge>
  );
}

export function SimulatedBadge() {
  const t = useTranslations("instances.simulated");
  return (
    <Badge tone="sim" title={t("hint")}>
      {t("badge")}
    </Badge>
  );
}
