import { AppError } from "../../lib/errors";
import type { PlaygroundKind, UpstreamBody } from "../../lib/playground/requests";
import { formatSseEvent } from "../../lib/playground/sse";
import { clientFor, toAppError, type Endpoint } from "./upstream";

/** A stream that sends nothing for this long is treated as hung and ended with an error. */
export const STREAM_IDLE_TIMEOUT_MS = 120_000;

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;

const encoder = new TextEncoder();

/**
 * Opens a streamed request through the openai SDK and returns the console's SSE response: first an
 * `event: request` with the exact body sent, then SGLang's SSE bytes as they arrive (never re-parsed or
 * batched), and `event: error` if the stream breaks. The upstream request is aborted when `signal` fires
 * (the browser went away) or the response body is cancelled. Errors before the first byte throw.
 */
export async function streamPlaygroundRequest(options: { endpoint: Endpoint; kind: PlaygroundKind; body: UpstreamBody; signal: AbortSignal }): Promise<Response> {
  const upstream = new AbortController();
  const abort = () => upstream.abort();
  if (options.signal.aborted) abort();
  options.signal.addEventListener("abort", abort, { once: true });
  const client = clientFor(options.endpoint);
  const body = { ...options.body, stream: true };
  let raw: Response;
  try {
    const call =
      options.kind === "chat"
        ? client.chat.completions.create(body as never, { signal: upstream.signal })
        : client.completions.create(body as never, { signal: upstream.signal });
    raw = await call.asResponse();
  } catch (error) {
    options.signal.removeEventListener("abort", abort);
    throw toAppError(error, options.endpoint);
  }
  const reader = raw.body!.getReader();
  let idleTimedOut = false;
  const idle = setTimeout(() => {
    idleTimedOut = true;
    upstream.abort();
  }, STREAM_IDLE_TIMEOUT_MS);
  const finish = () => {
    clearTimeout(idle);
    options.signal.removeEventListener("abort", abort);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(formatSseEvent("request", body)));
    },
    async pull(controller) {
      idle.refresh();
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          controller.close();
          return;
        }
        controller.enqueue(value);
      } catch (error) {
        finish();
        const appError = idleTimedOut
          ? new AppError("upstream_timeout", { detail: `nothing for ${STREAM_IDLE_TIMEOUT_MS / 1000} s` })
          : toAppError(error, options.endpoint);
        // A blank line first ends any half-sent upstream event.
        controller.enqueue(encoder.encode(`\n\n${formatSseEvent("error", appError.toJSON())}`));
        controller.close();
      }
    },
    cancel() {
      finish();
      upstream.abort();
      void reader.cancel().catch(() => undefined);
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
