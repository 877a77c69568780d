"use client";

import { useEffect, useState } from "react";
import type { LaunchContextView, ModelInfo } from "@/lib/launch";
import { callApi } from "./api-client";

/**
 * What is known of the model at `modelPath`: from the scan of the models folders, or, for a typed
 * absolute path the scan did not list, from asking the server once typing pauses.
 */
export function useModelInfo(modelPath: string, models: LaunchContextView["models"]): ModelInfo | undefined {
  const [inspected, setInspected] = useState<{ path: string; info: ModelInfo } | null>(null);
  const scanned = models.find((m) => m.path === modelPath);

  useEffect(() => {
    if (!modelPath.startsWith("/") || scanned || inspected?.path === modelPath) return;
    const timer = setTimeout(() => {
      callApi<{ info: ModelInfo }>("POST", "/api/models/inspect", { path: modelPath })
        .then(({ info }) => setInspected({ path: modelPath, info }))
        .catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [modelPath, scanned, inspected]);

  if (scanned) {
    return {
      exists: true,
      hasConfig: scanned.configError === null,
      ...(scanned.summary.architecture ? { architecture: scanned.summary.architecture } : {}),
      ...(scanned.weightsBytes ? { weightsBytes: scanned.weightsBytes } : {}),
    };
  }
  return inspected?.path === modelPath ? inspected.info : undefined;
}
