// Which side of the console a new connection's first request is for, from its first bytes: the /v1 gateway or the
// rest (pages, the console's API, socket.io). HTTP/1.1's request line is `method SP request-target SP version`.

export type RequestStartRoute = "gateway" | "console" | "undecided";

/** Longer than any method a client of the console sends; a line without a space by then is not one the gateway answers. */
const MAX_METHOD_LENGTH = 16;
const SPACE = 0x20;
const GATEWAY_PREFIX = Buffer.from("/v1");
/** What may follow `/v1` in a gateway path: `/`, the query's `?`, or the space ending the target. */
const AFTER_PREFIX = new Set([0x2f, 0x3f, SPACE]);

/** "undecided" until enough of the request line has come to tell; the answer never changes with more bytes. */
export function routeOfRequestStart(head: Buffer): RequestStartRoute {
  const space = head.indexOf(SPACE);
  if (space === -1) return head.length >= MAX_METHOD_LENGTH ? "console" : "undecided";
  if (space === 0 || space > MAX_METHOD_LENGTH) return "console";
  const target = space + 1;
  const seen = head.length - target;
  const compared = Math.min(seen, GATEWAY_PREFIX.length);
  if (head.compare(GATEWAY_PREFIX, 0, compared, target, target + compared) !== 0) return "console";
  if (seen <= GATEWAY_PREFIX.length) return "undecided";
  return AFTER_PREFIX.has(head[target + GATEWAY_PREFIX.length]!) ? "gateway" : "console";
}
