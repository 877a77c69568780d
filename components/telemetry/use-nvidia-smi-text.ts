"use client";

import { useTranslations } from "next-intl";
import { nvidiaSmiFailureValues, type NvidiaSmiFailure } from "@/lib/telemetry/nvidia-smi";

/** Why nvidia-smi gave no reading, in the reader's language (nvidia-smi's own output line as it printed it). */
export function useNvidiaSmiText(): { reason: (failure: NvidiaSmiFailure) => string; noGpuFound: (failure: NvidiaSmiFailure) => string } {
  const t = useTranslations("gpus.nvidiaSmi");
  const reason = (failure: NvidiaSmiFailure) => t(failure.code, nvidiaSmiFailureValues(failure));
  return { reason, noGpuFound: (failure) => t("noGpuFound", { reason: reason(failure) }) };
}
