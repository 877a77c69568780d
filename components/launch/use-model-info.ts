"use client";

import { useEffect, useState } from "react";
import type { LaunchContextView, ModelInfo } from "@/lib/launch";
import { callApi } from "@/components/api-client";

/**
 * What is known of the model at `modelPath`: from the scan of the models folders at once, then from asking the
 * server once typing pauses (which also reads the chat template, for the parser suggestions).
 */
export function useModelInfo(modelPath: string, models: LaunchContextView["models"]): ModelInfo | undefined {
  const [inspected, setInspected] = useState<{ path: string; info: ModelInfo } | null>(null);
  const scanned = models.find((m) => m.path === modelPath);

  useEffect(() => {
    if (!modelPath.startsWith("/") || inspected?.path === modelPath) return;
    const timer = setTimeout(() => {
      callApi<{ info: ModelInfo }>("POST", "/api/models/inspect", { path: modelPath })
        .then(({ info }) => setInspected({ path: modelPath, info }))
        .catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [modelPath, inspected]);

  if (inspected?.path === modelPath) return inspected.info;
  if (scanned) {
    return {
      exists: true,
      hasConfig: scanned.configError === null,
      ...(scanned.summary.architecture ? { architecture: scanned.summary.architecture } : {}),
      ...(scanned.summary.modelType ? { modelType: scanned.summary.modelType } : {}),
      ...(scanned.weightsBytes ? { weightsBytes: scanned.weightsBytes } : {}),
    };
  }
  return undefined;
}
