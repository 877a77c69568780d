// Readiness as SGLang's own `wait_for_server` judges it: over HTTP, not from log text. `/health` answers
// 503 until the warm-up request succeeded; `/v1/models` then gives the served model name.

import { bearer, fetchWithDeadline, type DeadlineAnswer } from "../http/fetch-with-deadline";
import { sleep, type Wakeup } from "./sleep";

export interface ReadinessOptions {
  baseUrl: string;
  apiKey: string | null;
  intervalMs: number;
  timeoutMs: number;
  /** Checked between polls: a dead process is never waited on. */
  isAlive: () => boolean;
  signal: AbortSignal;
  /** Woken when the output hints that the server may answer now (uvicorn's start, the ready line): poll at once. */
  wakeup?: Wakeup;
}

export type ReadinessResult =
  | { ready: true; servedModelName: string | null }
  | { ready: false; reason: "timeout" | "exited" | "aborted" };

/** Each poll waits at most this long for its whole answer, and never past the readiness deadline. */
export const READINESS_POLL_TIMEOUT_MS = 3000;

async function get(url: string, apiKey: string | null, signal: AbortSignal, deadline: number): Promise<DeadlineAnswer | null> {
  const timeoutMs = Math.max(1, Math.min(READINESS_POLL_TIMEOUT_MS, deadline - Date.now()));
  try {
    return await fetchWithDeadline(url, { headers: bearer(apiKey), timeoutMs, signal });
  } catch {
    return null;
  }
}

export async function waitForReady(options: ReadinessOptions): Promise<ReadinessResult> {
  const deadline = Date.now() + options.timeoutMs;
  while (true) {
    if (options.signal.aborted) return { ready: false, reason: "aborted" };
    if (!options.isAlive()) return { ready: false, reason: "exited" };
    if (Date.now() > deadline) return { ready: false, reason: "timeout" };
    const health = await get(`${options.baseUrl}/health`, options.apiKey, options.signal, deadline);
    if (health?.ok) {
      const models = await get(`${options.baseUrl}/v1/models`, options.apiKey, options.signal, deadline);
      if (models?.ok) return { ready: true, servedModelName: servedModelNameOf(models.text) };
    }
    await sleep(options.intervalMs, options.signal, options.wakeup);
  }
}

export function servedModelNameOf(modelsBody: string): string | null {
  try {
    const id = (JSON.parse(modelsBody) as { data?: { id?: unknown }[] } | null)?.data?.[0]?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}
