import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

/**
 * `fetch` for the openai SDK over node:http, so that a streamed answer can be piped to the browser's
 * socket as Node buffers (`takeNodeBody`) instead of through web streams chunk by chunk: at 32 streams
 * of 2,000 tokens/s that per-chunk cost, not SGLang, set the pace (docs/measurements). A body that is
 * not taken is read on demand (`text`, `json`, `body`), so the SDK's own parsing works as usual.
 */
/**
 * Pooled connections are dropped after 4 s idle. uvicorn, SGLang's HTTP server, closes a kept-alive
 * connection idle for 5 s (`timeout_keep_alive=5`) without a Keep-Alive header announcing it, and a request
 * sent on it as it closes meets a reset. (Node's agent heeds a server's Keep-Alive hint only when it has a
 * timeout of its own; on a socket in use, the timeout only emits an event.)
 */
export const FREE_SOCKET_TIMEOUT_MS = 4_000;
const agentOptions = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS };
const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function abortError(): Error {
  return new DOMException("This operation was aborted", "AbortError");
}

/**
 * An answer whose body stays the IncomingMessage it arrived on until something reads it. A web
 * ReadableStream per answer, made whether or not it was read, cost more than the rest of this fetch
 * (bench/_stream profile); a streamed answer is piped and never needs one. Reads: `text`, `json`,
 * `arrayBuffer` and `body` (what the SDK uses); the other body readers of `Response` see no body.
 */
// Typed as a plain base so that the body readers can be redefined (lib.dom declares them as properties).
const ResponseBase = Response as unknown as new (body: null, init: ResponseInit) => object;

class NodeResponse extends ResponseBase {
  #incoming: IncomingMessage | null;
  #used = false;
  #webBody: ReadableStream<Uint8Array> | null = null;

  constructor(incoming: IncomingMessage) {
    super(null, { status: incoming.statusCode ?? 502, statusText: incoming.statusMessage ?? "", headers: toHeaders(incoming) });
    this.#incoming = NULL_BODY_STATUSES.has(incoming.statusCode ?? 0) ? null : incoming;
  }

  /** The body as a Node stream, once; null when it was already read or there is none. */
  takeNode(): IncomingMessage | null {
    if (!this.#incoming || this.#used) return null;
    this.#used = true;
    return this.#incoming;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (!this.#webBody) {
      const incoming = this.takeNode();
      if (!incoming) return null;
      this.#webBody = Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
    }
    return this.#webBody;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return (await this.#bytes()).toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async #bytes(): Promise<Buffer> {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    const incoming = this.takeNode();
    if (!incoming) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}

/**
 * A pooled connection the server closed while it sat idle fails the request sent on it with a reset before
 * any answer; the server never saw that request, so it is sent again on a new connection (as browsers do).
 */
function closedWhileIdle(request: http.ClientRequest, received: IncomingMessage | null, error: NodeJS.ErrnoException): boolean {
  return request.reusedSocket && received === null && (error.code === "ECONNRESET" || error.code === "EPIPE");
}

/** Where requests to an instance go, parsed once per address: a URL parsed per request showed in bench:gateway's profile. */
const targets = new Map<string, { transport: typeof http | typeof https; agent: http.Agent; hostname: string; port: string; basePath: string }>();

function targetOf(baseUrl: string) {
  let target = targets.get(baseUrl);
  if (!target) {
    const url = new URL(baseUrl);
    const secure = url.protocol === "https:";
    target = { transport: secure ? https : http, agent: secure ? agents["https:"] : agents["http:"], hostname: url.hostname, port: url.port, basePath: url.pathname.replace(/\/$/, "") };
    if (targets.size > 1000) targets.clear();
    targets.set(baseUrl, target);
  }
  return target;
}

export interface OpenedRequest {
  /** The answer's head, its body still to read; rejects on a connection error or `abort`. */
  answer: Promise<IncomingMessage>;
  /** Ends the request, and the answer's body once it came. */
  abort: () => void;
}

/**
 * One request over node:http with kept-alive connections, sent again once on a new connection when a pooled one
 * turns out closed. The bare form of `nodeFetch`, for the gateway's hot path: no URL, Headers or Response objects.
 */
export function openRequest(baseUrl: string, path: string, init: { method: string; headers: Record<string, string>; body: string | null }): OpenedRequest {
  const target = targetOf(baseUrl);
  let aborted = false;
  let current: { request: http.ClientRequest; received: IncomingMessage | null } | null = null;
  const send = (resolve: (incoming: IncomingMessage) => void, reject: (error: Error) => void) => {
    const attempt: { request: http.ClientRequest; received: IncomingMessage | null } = {
      request: target.transport.request({ hostname: target.hostname, port: target.port, path: target.basePath + path, method: init.method, headers: init.headers, agent: target.agent }, (incoming) => {
        attempt.received = incoming;
        resolve(incoming);
      }),
      received: null,
    };
    current = attempt;
    attempt.request.on("error", (error: NodeJS.ErrnoException) => {
      if (!aborted && closedWhileIdle(attempt.request, attempt.received, error)) send(resolve, reject);
      else reject(error);
    });
    attempt.request.end(init.body ?? undefined);
  };
  const answer = new Promise<IncomingMessage>(send);
  return {
    answer,
    abort: () => {
      if (aborted || !current) return;
      aborted = true;
      current.request.destroy(abortError());
      current.received?.destroy(abortError());
    },
  };
}

export const nodeFetch: typeof fetch = async (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const signal = init.signal ?? null;
  if (signal?.aborted) throw abortError();
  const headers: Record<string, string> = {};
  (init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach((value, name) => (headers[name] = value));
  const body = typeof init.body === "string" ? init.body : init.body == null ? null : undefined;
  if (body === undefined) throw new TypeError("nodeFetch sends string bodies only");

  const opened = openRequest(url.origin, url.pathname + url.search, { method: init.method ?? "GET", headers, body });
  // Aborting after the headers came ends the body too (the SDK's signal stays attached for that).
  const onAbort = () => opened.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let incoming: IncomingMessage;
  try {
    incoming = await opened.answer;
  } catch (error) {
    signal?.removeEventListener("abort", onAbort);
    throw error;
  }
  if (signal) {
    if (incoming.complete || incoming.destroyed) signal.removeEventListener("abort", onAbort);
    else incoming.once("close", () => signal.removeEventListener("abort", onAbort));
  }
  return new NodeResponse(incoming) as unknown as Response;
};

/**
 * The response's body as the Node stream it arrived on, for piping; null when it was already read (or
 * the response did not come from `nodeFetch`).
 */
export function takeNodeBody(response: Response): IncomingMessage | null {
  return (response as object) instanceof NodeResponse ? (response as unknown as NodeResponse).takeNode() : null;
}

function toHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
