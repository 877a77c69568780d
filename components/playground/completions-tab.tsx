"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSchemaIssueText } from "@/components/i18n/use-schema-issue-text";
import { buildCompletionBody, completionRequestSchema } from "@/lib/playground/requests";
import { Button } from "../ui/button";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { ResultMeta } from "./result-meta";
import { textArea, type TabProps } from "./tab-props";
import { usePlaygroundRequest } from "./use-playground-request";

export function CompletionsTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const t = useTranslations("playground");
  const schemaText = useSchemaIssueText();
  const { state: run, run: send, cancel } = usePlaygroundRequest();
  const [stream, setStream] = useState(false);
  const prompt = state.prompt ?? t("completions.defaultPrompt");
  const payload = { prompt, params: state.params, stream };
  const parsed = completionRequestSchema.safeParse(payload);
  const preview: RequestPreview = parsed.success ? { ok: true, kind: "completions", body: buildCompletionBody(parsed.data, model) } : { ok: false, problem: schemaText.firstProblem(parsed.error.issues) ?? t("failures.invalid") };

  async function submit() {
    const outcome = await send(instanceId, "completions", payload);
    onState({ output: { text: outcome.result.text, reasoning: "" } });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-3">
        <label className="block text-xs uppercase text-zinc-500">
          {t("prompt")}
          <textarea aria-label={t("prompt")} className={`${textArea} mt-1 h-32 font-mono`} value={prompt} onChange={(e) => onState({ prompt: e.target.value })} />
        </label>
        <div className="flex items-center gap-3">
          {run.status === "running" ? (
            <Button variant="danger" onClick={cancel}>
              {t("actions.stop")}
            </Button>
          ) : (
            <Button onClick={() => void submit()} disabled={!parsed.success}>
              {t("actions.complete")}
            </Button>
          )}
          <label className="flex items-center gap-2 text-sm text-zinc-400">
            <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} /> {t("completions.streamToggle")}
          </label>
          {run.status === "running" && <span className="text-xs text-zinc-500">{t("completions.waiting")}</span>}
        </div>
        <OutputPanel state={run} preview={preview} baseUrl={baseUrl}>
          <div className="space-y-2 rounded border border-zinc-800 p-3" data-testid="completion-output">
            <p className="whitespace-pre-wrap font-mono text-sm">
              <span className="text-zinc-500">{prompt}</span>
              <span className="text-zinc-100" data-testid="completion-text">
                {run.result.text || (state.output && run.status === "idle" ? state.output.text : "")}
              </span>
            </p>
            {run.status !== "idle" && <ResultMeta result={run.result} stats={run.stats} />}
          </div>
        </OutputPanel>
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat={false} idPrefix="completions" />
    </div>
  );
}
