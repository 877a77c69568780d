"use client";

import type { PlaygroundResult } from "@/lib/playground/result";
import { describeStreamError } from "@/lib/playground/stream-error";
import type { StreamStats } from "@/lib/playground/stream-stats";
import type { RunState } from "./use-playground-request";

const ms = (value: number | null) => (value === null ? "–" : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

/** Finish reason and usage of an answer; speed when it was streamed. */
export function ResultMeta({ result, stats }: { result: PlaygroundResult; stats: StreamStats | null }) {
  const usage = result.usage;
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 font-mono text-xs text-zinc-400" data-testid="result-meta">
      <div>
        <dt className="inline text-zinc-600">finish_reason </dt>
        <dd className="inline text-zinc-200" data-testid="finish-reason" data-failed={result.error ? "true" : undefined}>
          {result.finishReason ?? (result.error ? `none: failed with ${describeStreamError(result.error)}` : "–")}
          {result.matchedStop !== null && result.finishReason === "stop" && typeof result.matchedStop === "string" ? ` (matched ${JSON.stringify(result.matchedStop)})` : ""}
        </dd>
      </div>
      <div data-testid="usage">
        <dt className="inline text-zinc-600">usage </dt>
        <dd className="inline text-zinc-200">
          {usage ? `${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion = ${usage.total_tokens} tokens` : "–"}
          {usage?.reasoning_tokens ? ` (${usage.reasoning_tokens} reasoning)` : ""}
        </dd>
      </div>
      {stats && <SpeedLine stats={stats} />}
    </dl>
  );
}

export function SpeedLine({ stats }: { stats: StreamStats }) {
  return (
    <>
      <div>
        <dt className="inline text-zinc-600">TTFT </dt>
        <dd className="inline text-zinc-200" data-testid="ttft">
          {ms(stats.ttftMs)}
        </dd>
      </div>
      <div>
        <dt className="inline text-zinc-600">speed </dt>
        <dd className="inline text-zinc-200" data-testid="tokens-per-second">
          {stats.tokensPerSecond === null ? "–" : `${stats.tokensPerSecond.toFixed(1)} tok/s`}
        </dd>
      </div>
      <div>
        <dt className="inline text-zinc-600">chunks </dt>
        <dd className="inline text-zinc-200" data-testid="token-count">
          {stats.tokens}
        </dd>
      </div>
      {stats.errors > 0 && (
        <div>
          <dt className="inline text-red-400">errors </dt>
          <dd className="inline text-red-300" data-testid="stream-errors">
            {stats.errors}
          </dd>
        </div>
      )}
      <div>
        <dt className="inline text-zinc-600">gap p50/p95/max </dt>
        <dd className="inline text-zinc-200">
          {ms(stats.gapMedianMs)} / {ms(stats.gapP95Ms)} / {ms(stats.gapMaxMs)}
        </dd>
      </div>
    </>
  );
}

/** The inter-token gaps as bars, newest on the right. */
export function GapChart({ gaps }: { gaps: number[] }) {
  if (gaps.length === 0) return null;
  const max = Math.max(...gaps, 1);
  const width = 360;
  const bar = width / 120;
  return (
    <svg role="img" aria-label="inter-token gaps" width={width} height={40} className="rounded bg-zinc-950">
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
