"use client";

import { failureOf } from "@/components/api-client";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { DiagnosisJson } from "@/lib/diagnose/diagnosis-json";
import type { LogExcerpt } from "@/lib/diagnose/log-excerpt";
import { diagnoseRequest, readExcerpt, type LogSource } from "./log-source";

export type DiagnosisState =
  | { status: "idle" }
  | { status: "working"; source: LogSource }
  | { status: "error"; message: string }
  | { status: "done"; source: LogSource; diagnosis: DiagnosisJson; excerpt: LogExcerpt; id: number };

/** The API's message (already in the reader's language), else `fallback`. */
async function errorMessage(response: Response, fallback: string): Promise<string> {
  return (await failureOf(response, fallback)).message;
}

/** Sends a log to POST /api/diagnose, then reads the lines to show; the last request wins. */
export function useDiagnosis() {
  const t = useTranslations("diagnose.page");
  const [state, setState] = useState<DiagnosisState>({ status: "idle" });
  const latest = useRef(0);

  const diagnose = useCallback(async (source: LogSource) => {
    const id = ++latest.current;
    setState({ status: "working", source });
    try {
      const response = await fetch("/api/diagnose", diagnoseRequest(source));
      if (!response.ok) throw new Error(await errorMessage(response, t("diagnoseFailed", { status: String(response.status) })));
      const diagnosis = (await response.json()) as DiagnosisJson;
      const excerpt = await readExcerpt(source, diagnosis.keyLines);
      if (id === latest.current) setState({ status: "done", source, diagnosis, excerpt, id });
    } catch (error) {
      if (id === latest.current) setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }, [t]);

  /** Loads a run's log from the console and diagnoses it. */
  const diagnoseRun = useCallback(
    async (instanceId: string, runId: string) => {
      const id = ++latest.current;
      setState({ status: "working", source: { kind: "text", text: "" } });
      try {
        const response = await fetch(`/api/instances/${encodeURIComponent(instanceId)}/runs/${encodeURIComponent(runId)}/log`);
        if (!response.ok) throw new Error(await errorMessage(response, t("runLogFailed", { status: String(response.status) })));
        const file = await response.blob();
        if (id === latest.current) await diagnose({ kind: "file", file, name: `run-${runId}.log` });
      } catch (error) {
        if (id === latest.current) setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
      }
    },
    [diagnose, t],
  );

  return { state, diagnose, diagnoseRun };
}
