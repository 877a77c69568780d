// Which requests reach the console at all: the checks that keep another web page from driving it.
// Pure, so Next's routes, the custom server's own routes and the socket handshake share one decision
// (server/http/request-guard.ts applies it to every request before anything else runs).

export interface GuardedRequest {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
}

export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 421 | 403 | 415; reason: string };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Host header without its port, lower-cased; `[::1]:3000` → `[::1]`. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(0, lower.indexOf("]") + 1);
  const colon = lower.lastIndexOf(":");
  return colon === -1 ? lower : lower.slice(0, colon);
}

export const isLoopbackHostName = (name: string): boolean => LOOPBACK_NAMES.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name);

/** The console's own origins: CONSOLE_URL's entries (comma-separated) as `scheme://host[:port]`. */
export function parseConsoleOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const url = new URL(entry);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`CONSOLE_URL entry ${entry} must start with http:// or https://`);
      return url.origin;
    });
}

/** A Host is allowed when it names loopback (any port) or one of the configured origins' hosts. */
export function isAllowedHost(host: string | undefined, consoleOrigins: readonly string[]): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (isLoopbackHostName(name)) return true;
  return consoleOrigins.some((origin) => new URL(origin).host === host.trim().toLowerCase());
}

/**
 * The request's own origin as the browser sees it is `scheme://Host`; an Origin header equal to that (with an
 * allowed Host) or to a configured origin is the console itself.
 */
export function isOwnOrigin(origin: string, host: string | undefined, consoleOrigins: readonly string[]): boolean {
  if (consoleOrigins.includes(origin)) return true;
  if (!host) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return parsed.host === host.trim().toLowerCase() && isLoopbackHostName(hostName(parsed.host));
}

const isJsonType = (contentType: string) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

/**
 * Every request: an allowed Host (else 421, the DNS-rebinding answer). Every state-changing request: from the
 * console's own origin by `Origin`, else by `Sec-Fetch-Site`; a request with neither comes from no browser (a
 * script, curl) and needs its session like any other. A body sent to a JSON route must say it is JSON.
 */
export function checkRequest(request: GuardedRequest, consoleOrigins: readonly string[], options: { bodyTypes: (path: string) => "json" | "any" }): GuardVerdict {
  if (!isAllowedHost(request.host, consoleOrigins)) {
    return { ok: false, status: 421, reason: `this console does not answer to the host name ${request.host ?? "(none)"}; add its URL to CONSOLE_URL` };
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  if (request.origin !== undefined) {
    if (request.origin === "null" || !isOwnOrigin(request.origin, request.host, consoleOrigins)) {
      return { ok: false, status: 403, reason: `requests that change something must come from the console's own pages, not ${request.origin}` };
    }
  } else if (request.secFetchSite !== undefined && request.secFetchSite !== "same-origin" && request.secFetchSite !== "none") {
    return { ok: false, status: 403, reason: `requests that change something must come from the console's own pages (Sec-Fetch-Site: ${request.secFetchSite})` };
  }
  if (request.contentType && options.bodyTypes(request.path) === "json" && !isJsonType(request.contentType)) {
    return { ok: false, status: 415, reason: `send the body as application/json, not ${request.contentType}` };
  }
  return { ok: true };
}

/** Headers on every answer: no framing, no sniffing, no referrer to other sites. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};
