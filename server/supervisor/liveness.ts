// Liveness of a ready server, judged by a request that must generate. SGLang's launcher can stay up and
// listening after its scheduler died, and a wedged rank hangs every request; older releases answer `/health`
// with 200 while generation hangs (sglang#4191, #3836), so the check is `/health_generate`, which generates
// one token (at least 1 s; SGLang gives up after SGLANG_HEALTH_CHECK_TIMEOUT, 20 s, with a 503).
// Only the check's own answer counts: requests in flight elsewhere (the playground) are never taken as health.

import { bearer, fetchWithDeadline } from "../http/fetch-with-deadline";
import { sleep } from "./sleep";

export interface LivenessOptions {
  baseUrl: string;
  apiKey: string | null;
  /** A check starts this long after the previous one started (or when it ended, if it took longer). */
  intervalMs: number;
  /** One check's whole answer, on a timer the watcher owns. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Called after each check, with the failures in a row so far (0 after a success). */
  onCheck: (result: LivenessCheck) => void;
}

export interface LivenessCheck {
  ok: boolean;
  failuresInRow: number;
  /** What the failed check met, in words ("503", "no answer within 25 s", "connection refused"). */
  detail: string | null;
}

export async function checkLiveness(options: Pick<LivenessOptions, "baseUrl" | "apiKey" | "timeoutMs" | "signal">): Promise<string | null> {
  try {
    const answer = await fetchWithDeadline(`${options.baseUrl}/health_generate`, { headers: bearer(options.apiKey), timeoutMs: options.timeoutMs, signal: options.signal });
    return answer.ok ? null : `answered ${answer.status}`;
  } catch (error) {
    if (options.signal.aborted) return null;
    if (error instanceof Error && error.name === "DeadlineExceededError") return `no answer within ${options.timeoutMs / 1000} s`;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code === "ECONNREFUSED" ? "connection refused" : (cause?.message ?? String(error));
  }
}

/** Checks until the signal aborts; never two checks at once. */
export async function watchLiveness(options: LivenessOptions): Promise<void> {
  let failuresInRow = 0;
  while (!options.signal.aborted) {
    const startedAt = Date.now();
    const failure = await checkLiveness(options);
    if (options.signal.aborted) return;
    failuresInRow = failure === null ? 0 : failuresInRow + 1;
    options.onCheck({ ok: failure === null, failuresInRow, detail: failure });
    await sleep(Math.max(0, options.intervalMs - (Date.now() - startedAt)), options.signal);
  }
}
