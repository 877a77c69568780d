"use client";

import { GLM47_FLASH_PRESETS, presetForGpuCount, type LaunchProfile } from "@/lib/launch";
import { cn } from "../ui/cn";

interface PresetBarProps {
  /** GPUs nvidia-smi listed; null when it could not answer. */
  gpuCount: number | null;
  noGpuReason: string | null;
  onPick: (profile: LaunchProfile, label: string) => void;
  active: string | null;
}

const chip = "rounded-md border px-3 py-1.5 text-sm transition-colors";

/** GLM-4.7-Flash presets from the model's guide, and Auto, which picks by the GPUs this box has. */
export function PresetBar({ gpuCount, noGpuReason, onPick, active }: PresetBarProps) {
  const auto = gpuCount === null ? null : presetForGpuCount(gpuCount);
  const autoReason = gpuCount === null ? `${noGpuReason ?? "The GPU count is unknown."} Auto cannot choose: pick a preset.` : auto?.reason ?? null;
  return (
    <div className="space-y-2" data-testid="presets">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={!auto?.preset}
          onClick={() => auto?.preset && onPick(auto.preset.profile, "auto")}
          className={cn(chip, active === "auto" ? "border-sky-600 bg-sky-950/50 text-sky-100" : "border-zinc-700 hover:border-zinc-500", "disabled:cursor-not-allowed disabled:opacity-60")}
          title="Choose the largest preset that fits the GPUs of this machine"
        >
          Auto{auto?.preset ? `: ${gpuCount} GPU${gpuCount === 1 ? "" : "s"} found → ${auto.preset.gpuCount}-GPU preset` : ""}
        </button>
        {GLM47_FLASH_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            onClick={() => onPick(structuredClone(preset.profile), preset.id)}
            className={cn(chip, active === preset.id ? "border-sky-600 bg-sky-950/50 text-sky-100" : "border-zinc-700 hover:border-zinc-500")}
            title={preset.description}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {autoReason && (
        <p className="text-xs text-amber-300" data-testid="auto-reason">
          {autoReason}
        </p>
      )}
    </div>
  );
}
