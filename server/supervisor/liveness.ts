// Liveness of a ready server, judged by a request that must generate. SGLang's launcher can stay up and
// listening after its scheduler died, and a wedged rank hangs every request; older releases answer `/health`
// with 200 while generation hangs (sglang#4191, #3836), so the check is `/health_generate`, which generates
// one token (at least 1 s; SGLang gives up after SGLANG_HEALTH_CHECK_TIMEOUT, 20 s, with a 503).
// Only the check's own answer counts: requests in flight elsewhere (the playground) are never taken as health.

import type { LivenessFailure } from "../../lib/cause-detail";
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

/** One check's result; a failed one says what it met (a status, no answer in time, a refused connection, another error). */
export type LivenessCheck = { ok: true; failuresInRow: 0; detail: null } | { ok: false; failuresInRow: number; detail: LivenessFailure };

export async function checkLiveness(options: Pick<LivenessOptions, "baseUrl" | "apiKey" | "timeoutMs" | "signal">): Promise<LivenessFailure | null> {
  try {
    const answer = await fetchWithDeadline(`${options.baseUrl}/health_generate`, { headers: bearer(options.apiKey), timeoutMs: options.timeoutMs, signal: options.signal });
    return answer.ok ? null : { kind: "status", status: answer.status };
  } catch (error) {
    if (options.signal.aborted) return null;
    if (error instanceof Error && error.name === "DeadlineExceededError") return { kind: "timeout", seconds: options.timeoutMs / 1000 };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "error", message: cause?.message ?? String(error) };
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
    options.onCheck(failure === null ? { ok: true, failuresInRow: 0, detail: null } : { ok: false, failuresInRow, detail: failure });
    await sleep(Math.max(0, options.intervalMs - (Date.now() - startedAt)), options.signal);
  }
}
