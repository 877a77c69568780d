import type { z } from "zod";
import type { Actor } from "../../lib/authz";
import { AppError, toAppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { parseInput } from "../../lib/parse-input";

export type SocketFailure = { ok: false; error: { code: string; message: string; details?: unknown } };

interface SocketEventConfig<TInput, TResult> {
  event: string;
  schema: z.ZodType<TInput>;
  /** The permission check from lib/authz, with the parsed input; runs before the handler. */
  allow: (actor: Actor, input: TInput) => boolean;
  /** The success answer (`{ ok: true, ... }`), sent as the ack. */
  handle: (input: TInput, actor: Actor) => TResult;
}

/**
 * Every socket event, as `apiRoute` is every route: parse the payload, authorise the actor again (a role may
 * have changed since the handshake), answer the ack, and turn any error into the one error shape (unexpected
 * ones logged once, answered as `internal`).
 */
export function socketHandler<TInput, TResult>(getActor: () => Actor, config: SocketEventConfig<TInput, TResult>, locale: Locale = "en") {
  return (raw: unknown, ack?: unknown): void => {
    const reply = typeof ack === "function" ? (ack as (answer: TResult | SocketFailure) => void) : () => undefined;
    try {
      const input = parseInput(config.schema, raw, config.event);
      const actor = getActor();
      if (!config.allow(actor, input)) throw new AppError("forbidden");
      reply(config.handle(input, actor));
    } catch (error) {
      const appError = toAppError(error, (message, cause) => console.error(`[socket] ${config.event}: ${message}`, cause));
      reply({ ok: false, error: appError.toJSON(locale).error });
    }
  };
}
