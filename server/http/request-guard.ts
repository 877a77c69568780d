import type { IncomingMessage, ServerResponse } from "node:http";
import { checkRequest, SECURITY_HEADERS } from "../../lib/request-guard";
import { CLIENT_IP_HEADER } from "../auth/better-auth";

/** Routes whose bodies may be other than JSON: a log as text/plain or a multipart upload. */
const NON_JSON_BODY_PATHS = new Set(["/api/diagnose"]);
const bodyTypes = (path: string) => (NON_JSON_BODY_PATHS.has(path) ? "any" : "json");

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The client's address: the socket's, or the first X-Forwarded-For entry behind a trusted reverse proxy. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? header(req, "x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || req.socket.remoteAddress || null;
}

/**
 * Runs before anything else answers a request (Next, the custom server's routes, Better Auth): security
 * headers on every answer, then the Host / Origin / content-type checks of lib/request-guard.ts. Answers and
 * returns false when the request is refused.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, options: { consoleOrigins: readonly string[]; trustProxy: boolean }): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const path = (req.url ?? "/").split("?")[0]!;
  const verdict = checkRequest(
    {
      method: req.method ?? "GET",
      path,
      host: header(req, "host"),
      origin: header(req, "origin"),
      secFetchSite: header(req, "sec-fetch-site"),
      contentType: header(req, "content-type"),
    },
    options.consoleOrigins,
    { bodyTypes },
  );
  if (!verdict.ok) {
    const code = verdict.status === 421 ? "host_not_allowed" : verdict.status === 415 ? "unsupported_media_type" : "cross_origin";
    const body = JSON.stringify({ error: { code, message: `Refused: ${verdict.reason}.` } });
    res.writeHead(verdict.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    return false;
  }
  // Better Auth reads the address for its rate limit from this header only; a client's own value is replaced.
  req.headers[CLIENT_IP_HEADER] = clientIp(req, options.trustProxy) ?? "unknown";
  return true;
}
