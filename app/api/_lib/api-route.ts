import type { z } from "zod";
import type { Actor } from "@/lib/authz";
import { AppError, toAppError } from "@/lib/errors";
import { localeOfHeaders } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/parse-input";
import { getServices } from "@/server/registry";
import type { Services } from "@/server/services";

interface HandlerArgs<TBody, TParams> {
  body: TBody;
  params: TParams;
  actor: Actor;
  services: Services;
  request: Request;
}

interface RouteConfig<TBody, TParams> {
  body?: z.ZodType<TBody>;
  /** The permission check, from lib/authz; runs before the handler. */
  allow: (actor: Actor, args: { params: TParams; services: Services }) => boolean;
  handler: (args: HandlerArgs<TBody, TParams>) => Promise<unknown>;
  status?: number;
}

/** Signs the request in, parses the body, checks permission and turns every error into the one JSON error shape. */
export function apiRoute<TBody = undefined, TParams extends Record<string, string> = Record<string, never>>(config: RouteConfig<TBody, TParams>) {
  return async (request: Request, context: { params: Promise<TParams> }): Promise<Response> => {
    try {
      const services = getServices();
      const params = await context.params;
      const actor = await services.auth.actorOrThrow(request.headers);
      if (!config.allow(actor, { params, services })) throw new AppError("forbidden");
      const body = config.body ? await parseBody(request, config.body) : (undefined as TBody);
      const result = await config.handler({ body, params, actor, services, request });
      return result instanceof Response ? result : Response.json(result, { status: config.status ?? 200 });
    } catch (error) {
      const appError = toAppError(error, (message, cause) => console.error(`[api] ${request.method} ${new URL(request.url).pathname}: ${message}`, cause));
      return Response.json(appError.toJSON(localeOfHeaders(request.headers)), { status: appError.status });
    }
  };
}

async function parseBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("bad_request", { detail: "the body must be JSON" });
  }
  return parseInput(schema, raw, "body");
}

/** A route anyone may call before signing in (first-run setup, sign-up): parse, call, one error shape. */
export function publicApiRoute<TBody = undefined>(config: { body?: z.ZodType<TBody>; handler: (args: { body: TBody; services: Services; request: Request }) => Promise<unknown>; status?: number }) {
  return async (request: Request): Promise<Response> => {
    try {
      const services = getServices();
      const body = config.body ? await parseBody(request, config.body) : (undefined as TBody);
      const result = await config.handler({ body, services, request });
      return result instanceof Response ? result : Response.json(result, { status: config.status ?? 200 });
    } catch (error) {
      const appError = toAppError(error, (message, cause) => console.error(`[api] ${request.method} ${new URL(request.url).pathname}: ${message}`, cause));
      return Response.json(appError.toJSON(localeOfHeaders(request.headers)), { status: appError.status });
    }
  };
}
