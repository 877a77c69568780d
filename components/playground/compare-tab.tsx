"use client";

import { useTranslations } from "next-intl";
import type { SamplingParams } from "@/lib/playground/params";
import { Button } from "../ui/button";
import { AnswerText, ReasoningBlock } from "./answer-view";
import { ParamsPanel } from "./params-panel";
import { ResultMeta, RunErrorBox } from "./result-meta";
import { textArea, type TabProps } from "./tab-props";
import { usePlaygroundRequest } from "./use-playground-request";

export interface InstanceChoice {
  id: string;
  name: string;
  phase: string;
}

/** The same prompt on two instances, or with two parameter sets on one, streamed side by side. */
export function CompareTab({ instanceId, state, onState, instances }: TabProps & { instances: InstanceChoice[] }) {
  const t = useTranslations("playground");
  const left = usePlaygroundRequest();
  const right = usePlaygroundRequest();
  const prompt = state.prompt ?? t("compare.defaultPrompt");
  const compare = state.compare ?? {};
  const sides = [
    { key: "left", run: left, instance: compare.leftInstanceId ?? instanceId, params: state.params },
    { key: "right", run: right, instance: compare.rightInstanceId ?? instanceId, params: compare.rightParams ?? state.params },
  ] as const;
  const running = left.state.status === "running" || right.state.status === "running";

  function setSide(key: "left" | "right", patch: { instance?: string; params?: SamplingParams }) {
    if (key === "left") {
      onState({ ...(patch.params ? { params: patch.params } : {}), compare: { ...compare, ...(patch.instance ? { leftInstanceId: patch.instance } : {}) } });
    } else {
      onState({ compare: { ...compare, ...(patch.instance ? { rightInstanceId: patch.instance } : {}), ...(patch.params ? { rightParams: patch.params } : {}) } });
    }
  }

  function start() {
    for (const side of sides) {
      void side.run.run(side.instance, "chat", { messages: [{ role: "user", content: prompt }], params: side.params, stream: true });
    }
  }

  return (
    <div className="space-y-3">
      <label className="block text-xs uppercase text-zinc-500">
        {t("prompt")}
        <textarea aria-label={t("prompt")} className={`${textArea} mt-1 h-16`} value={prompt} onChange={(e) => onState({ prompt: e.target.value })} />
      </label>
      <div className="flex gap-2">
        {running ? (
          <Button
            variant="danger"
            onClick={() => {
              left.cancel();
              right.cancel();
            }}
          >
            {t("actions.stopBoth")}
          </Button>
        ) : (
          <Button onClick={start} disabled={!prompt.trim()}>
            {t("actions.runBoth")}
          </Button>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {sides.map((side) => (
          <section key={side.key} className="space-y-2 rounded border border-zinc-800 p-3" data-testid={`compare-${side.key}`}>
            <select aria-label={t(`compare.instance.${side.key}`)} className={textArea} value={side.instance} onChange={(e) => setSide(side.key, { instance: e.target.value })}>
              {instances.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.phase})
                </option>
              ))}
            </select>
            <ResultMeta result={side.run.state.result} stats={side.run.state.stats} />
            <RunErrorBox state={side.run.state} />
            <ReasoningBlock text={side.run.state.result.reasoning} />
            <div className="min-h-16" data-testid={`compare-${side.key}-text`}>
              <AnswerText text={side.run.state.result.text} markdown={side.run.state.status === "done"} />
            </div>
            <details>
              <summary className="cursor-pointer text-xs text-zinc-500">{t("compare.sideParameters")}</summary>
              <ParamsPanel params={side.params} onChange={(params) => setSide(side.key, { params })} chat compact idPrefix={`compare-${side.key}`} />
            </details>
          </section>
        ))}
      </div>
    </div>
  );
}
