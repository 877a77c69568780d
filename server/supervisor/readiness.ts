// Readiness as SGLang's own `wait_for_server` judges it: over HTTP, not from log text. `/health` answers
// 503 until the warm-up request succeeded; `/v1/models` then gives the served model name.

export interface ReadinessOptions {
  baseUrl: string;
  apiKey: string | null;
  intervalMs: number;
  timeoutMs: number;
  /** Checked between polls: a dead process is never waited on. */
  isAlive: () => boolean;
  signal: AbortSignal;
}

export type ReadinessResult =
  | { ready: true; servedModelName: string | null }
  | { ready: false; reason: "timeout" | "exited" | "aborted" };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

async function get(url: string, apiKey: string | null, signal: AbortSignal): Promise<Response | null> {
  try {
    return await fetch(url, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]),
    });
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
    const health = await get(`${options.baseUrl}/health`, options.apiKey, options.signal);
    if (health?.ok) {
      const models = await get(`${options.baseUrl}/v1/models`, options.apiKey, options.signal);
      if (models?.ok) {
        const body = (await models.json().catch(() => null)) as { data?: { id?: unknown }[] } | null;
        const id = body?.data?.[0]?.id;
        return { ready: true, servedModelName: typeof id === "string" ? id : null };
      }
    }
    await health?.body?.cancel().catch(() => undefined);
    await sleep(options.intervalMs, options.signal);
  }
}
