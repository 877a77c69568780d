import { PHASE_LABELS, STAGE_LABELS, type InstancePhase } from "@/lib/instance-phase";
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

export function PhaseBadge({ phase, stage, percent }: { phase: InstancePhase; stage?: string | null; percent?: number | null }) {
  const detail = phase === "loading" && stage ? ` · ${STAGE_LABELS[stage] ?? stage}${percent != null ? ` ${percent}%` : ""}` : "";
  return (
    <Badge tone={PHASE_TONES[phase]} data-testid="phase" data-phase={phase}>
      {PHASE_LABELS[phase]}
      {detail}
    </Badge>
  );
}

export function SimulatedBadge() {
  return (
    <Badge tone="sim" title="Started with the SGLang simulator: no real model or GPU is used">
      simulated
    </Badge>
  );
}
