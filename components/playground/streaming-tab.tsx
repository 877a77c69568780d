"use client";

import { useTranslations } from "next-intl";
import { useSchemaIssueText } from "@/components/i18n/use-schema-issue-text";
import { buildChatBody, chatRequestSchema } from "@/lib/playground/requests";
import { Button } from "../ui/button";
import { AnswerText, ReasoningBlock } from "./answer-view";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { GapChart, ResultMeta } from "./result-meta";
import { textArea, type TabProps } from "./tab-props";
import { usePlaygroundRequest } from "./use-playground-request";

export function StreamingTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const t = useTranslations("playground");
  const schemaText = useSchemaIssueText();
  const { state: run, run: send, cancel } = usePlaygroundRequest();
  const prompt = state.prompt ?? t("streaming.defaultPrompt");
  const payload = { messages: [{ role: "user" as const, content: prompt }], params: state.params, stream: true };
  const parsed = chatRequestSchema.safeParse(payload);
  const preview: RequestPreview = parsed.success ? { ok: true, kind: "chat", body: buildChatBody(parsed.data, model) } : { ok: false, problem: schemaText.firstProblem(parsed.error.issues) ?? t("failures.invalid") };
  const running = run.status === "running";
  const reasoning = run.status === "idle" ? (state.output?.reasoning ?? "") : run.result.reasoning;
  const text = run.status === "idle" ? (state.output?.text ?? "") : run.result.text;

  async function start() {
    const outcome = await send(instanceId, "chat", payload);
    onState({ output: { text: outcome.result.text, reasoning: outcome.result.reasoning } });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-3">
        <label className="block text-xs uppercase text-zinc-500">
          {t("prompt")}
          <textarea aria-label={t("prompt")} className={`${textArea} mt-1 h-20`} value={prompt} onChange={(e) => onState({ prompt: e.target.value })} />
        </label>
        <div className="flex items-center gap-3">
          {running ? (
            <Button variant="danger" onClick={cancel}>
              {t("actions.stop")}
            </Button>
          ) : (
            <Button onClick={() => void start()} disabled={!parsed.success}>
              {t("actions.stream")}
            </Button>
          )}
          <span className="text-xs text-zinc-500" data-testid="stream-status" data-status={run.status}>
            {t(`streaming.status.${run.status}`)}
          </span>
        </div>
        <div className="space-y-2 rounded border border-zinc-800 p-3">
          <ResultMeta result={run.result} stats={run.stats} />
          <GapChart gaps={run.gaps} />
        </div>
        <OutputPanel state={run} preview={preview} baseUrl={baseUrl}>
          <div className="space-y-2" data-testid="stream-output">
            <ReasoningBlock text={reasoning} open={running} />
            <div data-testid="stream-text">
              <AnswerText text={text} markdown={!running} />
            </div>
          </div>
        </OutputPanel>
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat idPrefix="streaming" />
    </div>
  );
}
