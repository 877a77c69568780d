import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

/**
 * `fetch` for the openai SDK over node:http, so that a streamed answer can be piped to the browser's
 * socket as Node buffers (`takeNodeBody`) instead of through web streams chunk by chunk: at 32 streams
 * of 2,000 tokens/s that per-chunk cost, not SGLang, set the pace (docs/measurements). A body that is
 * not taken is an ordinary web stream, started on first read, so the SDK's own parsing works as usual.
 */
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

const bodies = new WeakMap<Response, { incoming: IncomingMessage; claimed: boolean }>();

function abortError(): Error {
  return new DOMException("This operation was aborted", "AbortError");
}

export const nodeFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const transport = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    const signal = init.signal ?? null;
    if (signal?.aborted) return reject(abortError());
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init.body === "string" ? init.body : init.body == null ? null : undefined;
    if (body === undefined) return reject(new TypeError("nodeFetch sends string bodies only"));

    let received: IncomingMessage | null = null;
    const request = transport.request(url, { method: init.method ?? "GET", headers, agent }, (incoming) => {
      received = incoming;
      const entry = { incoming, claimed: false };
      const response: Response = new Response(NULL_BODY_STATUSES.has(incoming.statusCode ?? 0) ? null : lazyWebBody(entry), {
        status: incoming.statusCode ?? 502,
        statusText: incoming.statusMessage ?? "",
        headers: toHeaders(incoming),
      });
      bodies.set(response, entry);
      resolve(response);
    });
    // Aborting after the headers came ends the body too (the SDK's signal stays attached for that).
    const onAbort = () => {
      request.destroy(abortError());
      received?.destroy(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("close", () => {
      if (!received || received.complete || received.destroyed) signal?.removeEventListener("abort", onAbort);
      else received.once("close", () => signal?.removeEventListener("abort", onAbort));
    });
    request.on("error", reject);
    request.end(body ?? undefined);
  });

/**
 * The response's body as the Node stream it arrived on, for piping; null when it was already read as a
 * web stream (or the response did not come from `nodeFetch`).
 */
export function takeNodeBody(response: Response): IncomingMessage | null {
  const entry = bodies.get(response);
  if (!entry || entry.claimed) return null;
  entry.claimed = true;
  return entry.incoming;
}

function lazyWebBody(entry: { incoming: IncomingMessage; claimed: boolean }): ReadableStream<Uint8Array> {
  const { incoming } = entry;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) {
          if (entry.claimed) throw new TypeError("the body was taken as a Node stream");
          entry.claimed = true;
          reader = (Readable.toWeb(incoming) as ReadableStream<Uint8Array>).getReader();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        incoming.destroy();
        return reader?.cancel(reason);
      },
    },
    // Nothing is read until someone asks: a body taken with `takeNodeBody` is never touched here.
    { highWaterMark: 0 },
  );
}

function toHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
