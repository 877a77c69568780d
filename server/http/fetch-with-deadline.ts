// An outbound request whose whole exchange, body included, ends within `timeoutMs`, on a timer we own.
// Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20 that combined signal stops firing once the
// garbage collector has collected the timeout signal, and a server that accepts and never answers then holds the
// request for ever (house-style.md, "A timeout you do not own can vanish").

export interface DeadlineAnswer {
  status: number;
  ok: boolean;
  text: string;
}

export class DeadlineExceededError extends Error {
  constructor(url: string, timeoutMs: number) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
    this.name = "DeadlineExceededError";
  }
}

export async function fetchWithDeadline(
  url: string,
  options: { headers?: Record<string, string>; timeoutMs: number; signal?: AbortSignal; method?: string; body?: string },
): Promise<DeadlineAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceededError(url, options.timeoutMs)), options.timeoutMs);
  const forwardAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forwardAbort();
  else options.signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    const response = await fetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal: controller.signal,
    });
    const text = await response.text();
    return { status: response.status, ok: response.ok, text };
  } catch (error) {
    throw controller.signal.reason instanceof DeadlineExceededError ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forwardAbort);
  }
}

export const bearer = (apiKey: string | null): Record<string, string> => (apiKey ? { authorization: `Bearer ${apiKey}` } : {});
