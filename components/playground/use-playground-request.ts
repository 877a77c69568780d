"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PlaygroundKind, UpstreamBody } from "@/lib/playground/requests";
import { StreamAccumulator, emptyResult, resultOfResponse, type PlaygroundResult, type StreamChunk } from "@/lib/playground/result";
import { createSseParser } from "@/lib/playground/sse";
import { describeStreamError, type StreamError } from "@/lib/playground/stream-error";
import { retryAfterSeconds } from "@/lib/retry-after";
import { StreamClock, type StreamStats } from "@/lib/playground/stream-stats";

export type RunStatus = "idle" | "running" | "done" | "error" | "cancelled";

export interface RunError {
  code: string;
  message: string;
  /** The answer's Retry-After, when it refused for a rate limit. */
  retryAfterS?: number | null;
}

export interface RunState {
  status: RunStatus;
  result: PlaygroundResult;
  error: RunError | null;
  /** The exact body the console sent to SGLang. */
  request: UpstreamBody | null;
  /** SGLang's JSON answer (non-streamed) or the SSE data lines as they came (streamed). */
  response: unknown;
  chunks: string[];
  stats: StreamStats | null;
  gaps: number[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

const idle = (): RunState => ({ status: "idle", result: emptyResult(), error: null, request: null, response: null, chunks: [], stats: null, gaps: [] });

/**
 * Runs one playground request through the console's routes (`run`), or through any route that answers like them or
 * passes SGLang's stream through (`runAt`, used by demo links). Streams render at most once a frame;
 * `cancel` aborts the fetch, which makes the console abort the call to SGLang.
 */
export function usePlaygroundRequest() {
  const t = useTranslations("playground.failures");
  const [state, setState] = useState<RunState>(idle);
  const controller = useRef<AbortController | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(idle()), []);

  const runAt = useCallback(async (url: string, payload: Record<string, unknown>): Promise<RunState> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const started = performance.now();
    let current: RunState = { ...idle(), status: "running" };
    setState(current);
    const publish = (next: RunState, now = false) => {
      current = next;
      if (now) {
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        frame.current = null;
        setState(current);
      } else if (frame.current === null) {
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          setState(current);
        });
      }
    };
    const fail = (error: RunError, status: RunStatus = "error") => publish({ ...current, status, error }, true);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal: abort.signal,
      });
      if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
        const body = (await response.json().catch(() => null)) as { error?: RunError; request?: UpstreamBody; response?: unknown } | null;
        if (!response.ok || !body || body.error) {
          const error = body?.error ?? { code: `http_${response.status}`, message: t("httpStatus", { status: response.status }) };
          fail({ ...error, retryAfterS: retryAfterSeconds(response.headers.get("retry-after")) });
        } else {
          publish({ ...current, status: "done", request: body.request ?? null, response: body.response, result: resultOfResponse(body.response as never), stats: null }, true);
        }
        return current;
      }
      await readStream(response, started, current, publish, t);
    } catch (error) {
      if (abort.signal.aborted) fail({ code: "cancelled", message: t("cancelled") }, "cancelled");
      else fail({ code: "network_error", message: t("network", { detail: error instanceof Error ? error.message : t("networkUnknown") }) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
    return current;
  }, [t]);

  const run = useCallback(
    (instanceId: string, kind: PlaygroundKind, payload: Record<string, unknown> & { stream: boolean }) => runAt(`/api/instances/${instanceId}/playground/${kind}`, payload),
    [runAt],
  );

  return { state, run, runAt, cancel, reset };
}

/** The run's error as the playground shows it, with SGLang's own message. */
function streamFailure(error: StreamError, t: Translate): RunError {
  return { code: "upstream_stream_error", message: t("streamStopped", { error: describeStreamError(error), message: error.message }) };
}

async function readStream(response: Response, started: number, initial: RunState, publish: (next: RunState, now?: boolean) => void, t: Translate): Promise<void> {
  const accumulator = new StreamAccumulator();
  const clock = new StreamClock(started);
  const chunks: string[] = [];
  let state = initial;
  let finished = false;
  let failure: RunError | null = null;
  const parser = createSseParser((event) => {
    if (event.event === "request") {
      state = { ...state, request: JSON.parse(event.data) as UpstreamBody };
      return;
    }
    if (event.event === "error") {
      failure = (JSON.parse(event.data) as { error: RunError }).error;
      return;
    }
    chunks.push(event.data);
    if (event.data === "[DONE]") {
      finished = true;
      return;
    }
    const seen = accumulator.add(JSON.parse(event.data) as StreamChunk);
    if (seen.error) clock.error();
    else if (seen.content || seen.reasoning || seen.tool) clock.token(performance.now());
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
    state = { ...state, result: accumulator.result(), chunks, response: chunks, stats: clock.stats(performance.now()), gaps: clock.recentGaps(120) };
    publish(state);
  }
  parser.end();
  const result = accumulator.result();
  const final = { ...state, result, chunks: [...chunks], response: [...chunks], stats: clock.stats(performance.now()), gaps: clock.recentGaps(120) };
  // SGLang's own error outranks the console's (a stream it failed may also end badly); [DONE] after it is no success.
  const error = result.error ? streamFailure(result.error, t) : failure;
  if (error) publish({ ...final, status: "error", error }, true);
  else if (!finished) publish({ ...final, status: "error", error: { code: "stream_ended", message: t("streamEnded") } }, true);
  else publish({ ...final, status: "done" }, true);
}
