import type { ServerResponse } from "node:http";
import { finished, Readable } from "node:stream";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { translator } from "../../lib/i18n/translate";
import type { PlaygroundKind, UpstreamBody } from "../../lib/playground/requests";
import { formatSseEvent } from "../../lib/playground/sse";
import { takeNodeBody } from "./node-fetch";
import { clientFor, toAppError, type Endpoint } from "./upstream";
import { SSE_HEADERS, STREAM_IDLE_TIMEOUT_MS } from "../http/sse";

export interface StreamOptions {
  endpoint: Endpoint;
  kind: PlaygroundKind;
  body: UpstreamBody;
  /** Fires when the browser's request is gone: the call to SGLang is aborted. */
  signal: AbortSignal;
  res: ServerResponse;
  idleTimeoutMs?: number;
  /** The reader's language, for an error event once the stream is under way. */
  locale?: Locale;
}

/**
 * Opens a streamed request through the openai SDK and answers `res` with the console's SSE stream: first
 * an `event: request` with the exact body sent, then SGLang's SSE bytes piped as they arrive (never
 * re-parsed or batched), and `event: error` if the stream breaks. Errors before SGLang answers throw,
 * with nothing written. Resolves once the stream has ended, however it ended; the upstream request is
 * aborted when the browser goes away.
 */
export async function streamPlaygroundRequest(options: StreamOptions): Promise<void> {
  const { endpoint, signal, res } = options;
  const body = { ...options.body, stream: true };
  let raw: Response;
  try {
    const client = clientFor(endpoint);
    // Until SGLang answers, `signal` (the browser gone) aborts the call; after that, destroying the body does.
    const call =
      options.kind === "chat"
        ? client.chat.completions.create(body as never, { signal })
        : client.completions.create(body as never, { signal });
    raw = await call.asResponse();
  } catch (error) {
    throw toAppError(error, endpoint);
  }
  const source = takeNodeBody(raw) ?? Readable.fromWeb(raw.body! as import("node:stream/web").ReadableStream<Uint8Array>);
  res.writeHead(200, SSE_HEADERS);
  res.write(formatSseEvent("request", body));

  const idleTimeoutMs = options.idleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS;
  return new Promise<void>((resolve) => {
    let idleTimedOut = false;
    const idle = setTimeout(() => {
      idleTimedOut = true;
      source.destroy(new Error("idle"));
    }, idleTimeoutMs);
    source.on("data", () => idle.refresh());
    source.pipe(res, { end: false });
    // `finished` also reports a body that closed without its end (a reset connection) as an error.
    finished(source, (error) => {
      clearTimeout(idle);
      source.unpipe(res);
      if (!res.destroyed && !res.writableEnded) {
        if (!error) res.end();
        else {
          const appError = idleTimedOut ? new AppError("upstream_timeout", { detail: `nothing for ${idleTimeoutMs / 1000} s` }, { localized: (locale) => ({ detail: translator(locale, "validation")("streamIdle", { seconds: idleTimeoutMs / 1000 }) }) }) : toAppError(error, endpoint);
          // A blank line first ends any half-sent upstream event.
          res.end(`\n\n${formatSseEvent("error", appError.toJSON(options.locale))}`);
        }
      }
      resolve();
    });
    // The browser went away: closing SGLang's stream aborts the request there too.
    res.on("close", () => {
      if (!source.readableEnded) source.destroy();
    });
  });
}
