// Requests to a hub and the hosts it redirects to. Redirects are followed here, not by fetch, so the hub's
// credentials go only to the hub's own host: a redirect to another host (a CDN, a signed storage URL) gets none.
// Every request runs under an idle timer we own (house-style.md, "A timeout you do not own can vanish").
// undici's `request` rather than fetch: bodies arrive as Node streams without WHATWG stream overhead, and its
// EnvHttpProxyAgent honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl does.
import { EnvHttpProxyAgent, request as undiciRequest, type Dispatcher } from "undici";
import { IdleTimer } from "../http/idle-timer";
import { HubRequestError, hubStatusError, unreachable } from "./hub-error";

let proxyAgent: EnvHttpProxyAgent | null = null;
const dispatcher = () => (proxyAgent ??= new EnvHttpProxyAgent());

const MAX_REDIRECTS = 5;

export class StallError extends Error {
  constructor(readonly host: string, idleMs: number) {
    super(`${host} sent nothing for ${Math.round(idleMs / 1000)} s; retrying`);
    this.name = "StallError";
  }
}

export interface HubRequest {
  url: string;
  /** Sent to `credentialsHost` only. */
  headers: Record<string, string>;
  credentialsHost: string;
  range?: string;
  signal: AbortSignal;
  idleMs: number;
  what: { repo: string; revision: string };
}

export interface HubAnswer {
  status: number;
  headers: Headers;
  body: Dispatcher.ResponseData["body"];
  host: string;
  /** Call on every chunk read: the idle timer starts again. */
  touch: () => void;
  /** Call once the body is read or abandoned. */
  done: () => void;
  /** Aborts with StallError when idle, else with the caller's reason. */
  signal: AbortSignal;
}

export async function hubRequest(request: HubRequest): Promise<HubAnswer> {
  const controller = new AbortController();
  let host = new URL(request.url).host;
  const idle = new IdleTimer(request.idleMs, () => controller.abort(new StallError(host, request.idleMs)));
  const forward = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  request.signal.addEventListener("abort", forward, { once: true });
  const release = () => {
    idle.stop();
    request.signal.removeEventListener("abort", forward);
  };
  let url = request.url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      host = new URL(url).host;
      const headers: Record<string, string> = { "accept-encoding": "identity", ...(host === request.credentialsHost ? request.headers : {}) };
      if (request.range) headers.range = request.range;
      let response: Dispatcher.ResponseData;
      try {
        // Raced with our own abort: undici's proxy agent keeps reconnecting to a proxy that refuses CONNECT without
        // ever settling, and the idle timer must still end the attempt.
        response = await Promise.race([undiciRequest(url, { headers, signal: controller.signal, dispatcher: dispatcher() }), rejectOnAbort(controller.signal)]);
      } catch (error) {
        throw controller.signal.aborted ? controller.signal.reason : unreachable(host, error);
      }
      idle.touch();
      const answerHeaders = toHeaders(response.headers);
      const location = answerHeaders.get("location");
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        await response.body.dump();
        url = new URL(location, url).href;
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw hubStatusError(host, response.statusCode, answerHeaders, request.what);
      }
      return { status: response.statusCode, headers: answerHeaders, body: response.body, host, signal: controller.signal, touch: () => idle.touch(), done: release };
    }
    throw new HubRequestError(host, null, `${host} redirected more than ${MAX_REDIRECTS} times`, false);
  } catch (error) {
    release();
    throw error;
  }
}

/** A JSON answer from a hub's API, with its headers. */
export async function hubJson<T>(request: Omit<HubRequest, "range">): Promise<{ body: T; headers: Headers }> {
  const answer = await hubRequest(request);
  try {
    const body = (await answer.body.json()) as T;
    return { body, headers: answer.headers };
  } catch {
    throw answer.signal.aborted ? answer.signal.reason : new HubRequestError(answer.host, answer.status, `${answer.host} answered something that is not JSON`, true);
  } finally {
    answer.done();
  }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
