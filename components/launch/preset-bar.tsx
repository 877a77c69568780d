"use client";

import { useTranslations } from "next-intl";
import { GLM47_FLASH_PRESETS, presetForGpuCount, type LaunchPreset, type LaunchProfile } from "@/lib/launch";
import type { NvidiaSmiFailure } from "@/lib/telemetry/nvidia-smi";
import { useNvidiaSmiText } from "../telemetry/use-nvidia-smi-text";
import { cn } from "../ui/cn";

interface PresetBarProps {
  /** GPUs nvidia-smi listed; null when it could not answer. */
  gpuCount: number | null;
  /** Why nvidia-smi listed no GPU, when it did not. */
  noGpu: NvidiaSmiFailure | null;
  onPick: (profile: LaunchProfile, label: string) => void;
  active: string | null;
}

const chip = "rounded-md border px-3 py-1.5 text-sm transition-colors";

/** GLM-4.7-Flash presets from the model's guide, and Auto, which picks by the GPUs this box has. */
export function PresetBar({ gpuCount, noGpu, onPick, active }: PresetBarProps) {
  const t = useTranslations("launch.presets");
  const nvidiaSmi = useNvidiaSmiText();
  const auto = gpuCount === null ? null : presetForGpuCount(gpuCount);
  // presetForGpuCount's English reason, in the reader's language: no GPU at all, or fewer than the smallest preset.
  const sizes = GLM47_FLASH_PRESETS.map((p) => p.gpuCount).join(", ");
  const autoReason =
    gpuCount === null
      ? t("autoCannot", { reason: noGpu ? nvidiaSmi.noGpuFound(noGpu) : t("unknownCount") })
      : auto?.reason
        ? gpuCount === 0
          ? t("noGpu")
          : t("noFit", { count: gpuCount, sizes })
        : null;
  const ep = (preset: LaunchPreset) => (preset.profile.flags["--ep-size"] !== undefined ? "yes" : "no");
  return (
    <div className="space-y-2" data-testid="presets">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={!auto?.preset}
          onClick={() => auto?.preset && onPick(auto.preset.profile, "auto")}
          className={cn(chip, active === "auto" ? "border-sky-600 bg-sky-950/50 text-sky-100" : "border-zinc-700 hover:border-zinc-500", "disabled:cursor-not-allowed disabled:opacity-60")}
          title={t("autoTitle")}
        >
          {auto?.preset ? t("autoFound", { found: gpuCount ?? 0, size: auto.preset.gpuCount }) : t("auto")}
        </button>
        {GLM47_FLASH_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            onClick={() => onPick(structuredClone(preset.profile), preset.id)}
            className={cn(chip, active === preset.id ? "border-sky-600 bg-sky-950/50 text-sky-100" : "border-zinc-700 hover:border-zinc-500")}
            title={t("description", { count: preset.gpuCount, ep: ep(preset) })}
          >
            {t("label", { count: preset.gpuCount })}
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
