import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Actor } from "../../lib/authz";
import { AppError, toAppError } from "../../lib/errors";
import { parseInput } from "../../lib/parse-input";
import type { Services } from "../services";
import { localeOfHeaders, type Locale } from "../../lib/i18n/locales";
import { readJson } from "./read-json";

interface HandlerArgs<TBody> {
  body: TBody;
  params: Record<string, string>;
  actor: Actor;
  services: Services;
  res: ServerResponse;
  /** Fires when the browser's request goes away before the answer is complete. */
  signal: AbortSignal;
  /** The reader's language, for errors written into a stream already under way. */
  locale: Locale;
}

/**
 * A route the custom server answers itself, before Next: for answers that must go out as they come
 * (streams piped from an instance), where Next's web-stream response pipeline would cost a copy and a
 * promise per chunk. The same steps as `app/api/_lib/api-route.ts`: parse, check permission, one error shape.
 */
export interface NodeRoute<TBody> {
  method: "POST";
  /** Matched against the path; named groups are the params. */
  path: RegExp;
  body: z.ZodType<TBody>;
  allow: (actor: Actor, args: { params: Record<string, string>; services: Services }) => boolean;
  /** Returns what to send as JSON, or writes `res` itself (a stream) and returns nothing. */
  handler: (args: HandlerArgs<TBody>) => Promise<unknown>;
}

export const nodeRoute = <TBody>(route: NodeRoute<TBody>): NodeRoute<unknown> => route as NodeRoute<unknown>;

/** The custom server's own routes: true when `req` was one of them (and is being answered). */
export function createNodeRouter(routes: readonly NodeRoute<unknown>[], services: Services) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?")[0]!;
    for (const route of routes) {
      if (req.method !== route.method) continue;
      const match = route.path.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
      void answer(route, params, services, req, res);
      return true;
    }
    return false;
  };
}

async function answer(route: NodeRoute<unknown>, params: Record<string, string>, services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gone = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const actor = await services.auth.actorOrThrow(req.headers);
    if (!route.allow(actor, { params, services })) throw new AppError("forbidden");
    const body = parseInput(route.body, await readJson(req), "body");
    const result = await route.handler({ body, params, actor, services, res, signal: gone.signal, locale: localeOfHeaders(req.headers) });
    if (!res.headersSent) sendJson(res, 200, result);
  } catch (error) {
    const appError = toAppError(error, (message, cause) => console.error(`[api] ${req.method} ${req.url}: ${message}`, cause));
    if (!res.headersSent) sendJson(res, appError.status, appError.toJSON(localeOfHeaders(req.headers)));
    else res.end();
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value ?? null);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
