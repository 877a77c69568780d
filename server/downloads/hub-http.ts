// Requests to a hub and the hosts it redirects to. Redirects are followed here, not by fetch, so the hub's
// credentials go only to the hub's own host: a redirect to another host (a CDN, a signed storage URL) gets none.
// Every request runs under an idle timer we own (house-style.md, "A timeout you do not own can vanish").
import { HubRequestError, hubStatusError, unreachable } from "./hub-error";

const MAX_REDIRECTS = 5;

export class StallError extends Error {
  constructor(readonly host: string, idleMs: number) {
    super(`${host} sent nothing for ${Math.round(idleMs / 1000)} s; retrying`);
    this.name = "StallError";
  }
}

/** Aborts `controller` when `touch()` is not called for `idleMs`. */
export class IdleTimer {
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly idleMs: number, private readonly onIdle: () => void) {
    this.touch();
  }
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.idleMs);
  }
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
  response: Response;
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
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: "manual", signal: controller.signal });
      } catch (error) {
        throw controller.signal.aborted ? controller.signal.reason : unreachable(host, error);
      }
      idle.touch();
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url).href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw hubStatusError(host, response.status, response.headers, request.what);
      }
      return { response, host, signal: controller.signal, touch: () => idle.touch(), done: release };
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
    const body = (await answer.response.json()) as T;
    return { body, headers: answer.response.headers };
  } catch {
    throw answer.signal.aborted ? answer.signal.reason : new HubRequestError(answer.host, answer.response.status, `${answer.host} answered something that is not JSON`, true);
  } finally {
    answer.done();
  }
}
