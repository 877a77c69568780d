"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { PlaygroundResult } from "@/lib/playground/result";
import { describeStreamError } from "@/lib/playground/stream-error";
import type { StreamStats } from "@/lib/playground/stream-stats";
import type { RunState } from "./use-playground-request";

/** Milliseconds as SGLang's users read latencies: one decimal below 10 ms, whole above; "–" when not measured. */
function useMilliseconds() {
  const format = useFormatter();
  const t = useTranslations("playground.meta");
  return (value: number | null) =>
    value === null ? t("none") : format.number(value, { style: "unit", unit: "millisecond", unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 });
}

/** Finish reason and usage of an answer; speed when it was streamed. */
export function ResultMeta({ result, stats }: { result: PlaygroundResult; stats: StreamStats | null }) {
  const t = useTranslations("playground.meta");
  const usage = result.usage;
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 font-mono text-xs text-zinc-400" data-testid="result-meta">
      <div>
        <dt className="inline text-zinc-600">finish_reason </dt>
        <dd className="inline text-zinc-200" data-testid="finish-reason" data-failed={result.error ? "true" : undefined}>
          {result.finishReason ?? (result.error ? t("failedWith", { error: describeStreamError(result.error) }) : t("none"))}
          {result.matchedStop !== null && result.finishReason === "stop" && typeof result.matchedStop === "string" ? t("matchedStop", { stop: JSON.stringify(result.matchedStop) }) : ""}
        </dd>
      </div>
      <div data-testid="usage">
        <dt className="inline text-zinc-600">{t("usageLabel")} </dt>
        <dd className="inline text-zinc-200">
          {usage ? t("usage", { prompt: usage.prompt_tokens, completion: usage.completion_tokens, total: usage.total_tokens }) : t("none")}
          {usage?.reasoning_tokens ? t("reasoningTokens", { count: usage.reasoning_tokens }) : ""}
        </dd>
      </div>
      {stats && <SpeedLine stats={stats} />}
    </dl>
  );
}

export function SpeedLine({ stats }: { stats: StreamStats }) {
  const t = useTranslations("playground.meta");
  const format = useFormatter();
  const ms = useMilliseconds();
  return (
    <>
      <div>
        <dt className="inline text-zinc-600">{t("ttft")} </dt>
        <dd className="inline text-zinc-200" data-testid="ttft">
          {ms(stats.ttftMs)}
        </dd>
      </div>
      <div>
        <dt className="inline text-zinc-600">{t("speed")} </dt>
        <dd className="inline text-zinc-200" data-testid="tokens-per-second">
          {stats.tokensPerSecond === null ? t("none") : t("tokensPerSecond", { value: format.number(stats.tokensPerSecond, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
        </dd>
      </div>
      <div>
        <dt className="inline text-zinc-600">{t("chunks")} </dt>
        <dd className="inline text-zinc-200" data-testid="token-count">
          {stats.tokens}
        </dd>
      </div>
      {stats.errors > 0 && (
        <div>
          <dt className="inline text-red-400">{t("errors")} </dt>
          <dd className="inline text-red-300" data-testid="stream-errors">
            {stats.errors}
          </dd>
        </div>
      )}
      <div>
        <dt className="inline text-zinc-600">{t("gaps")} </dt>
        <dd className="inline text-zinc-200">
          {ms(stats.gapMedianMs)} / {ms(stats.gapP95Ms)} / {ms(stats.gapMaxMs)}
        </dd>
      </div>
    </>
  );
}

/** The inter-token gaps as bars, newest on the right. */
export function GapChart({ gaps }: { gaps: number[] }) {
  const t = useTranslations("playground.meta");
  if (gaps.length === 0) return null;
  const max = Math.max(...gaps, 1);
  const width = 360;
  const bar = width / 120;
  return (
    <svg role="img" aria-label={t("gapChart")} width={width} height={40} className="rounded bg-zinc-950">
      {gaps.map((gap, i) => {
        const h = Math.max(1, (gap / max) * 38);
        return <rect key={i} x={i * bar} y={40 - h} width={Math.max(1, bar - 0.5)} height={h} className="fill-sky-500" />;
      })}
    </svg>
  );
}

export function RunErrorBox({ state }: { state: RunState }) {
  if (!state.error) return null;
  return (
    <p role="alert" data-testid="run-error" data-code={state.error.code} className="rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200">
      <span className="mr-2 font-mono text-xs text-red-400">{state.error.code}</span>
      {state.error.message}
    </p>
  );
}
