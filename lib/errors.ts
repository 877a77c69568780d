// One error type for the whole console: a code, the HTTP status it maps to, and a message for the user
// that says what to change. Internal detail (stderr, pids, causes) goes to the server log, never the client.

import { CATALOGUES } from "./i18n/catalogues";
import { placeholdersOf } from "./i18n/placeholders";
import type { Locale } from "./i18n/locales";
import { hasMessage, translator } from "./i18n/translate";

export const ERROR_TABLE = {
  bad_request: { status: 400, message: (p: { detail?: string }) => `The request is not valid: ${p.detail ?? "check its fields"}.` },
  validation_failed: { status: 422, message: (p: { detail?: string }) => `The launch settings need changes: ${p.detail ?? ""}` },
  forbidden: { status: 403, message: () => "You are not allowed to do that." },
  unauthorized: { status: 401, message: () => "Sign in to the console first: your session has ended or was never started." },
  conflict: { status: 409, message: (p: { detail?: string }) => `That conflicts with what exists: ${p.detail ?? "try again"}.` },
  demo_link_not_found: { status: 404, message: (p: { id?: string }) => `No demo link ${p.id ?? ""} exists for you.` },
  api_key_not_found: { status: 404, message: (p: { id?: string }) => `No API key ${p.id ?? ""} exists for you.` },
  user_not_found: { status: 404, message: (p: { id?: string }) => `No user ${p.id ?? ""} exists on this console.` },
  setup_done: { status: 409, message: () => "The administrator account exists already: sign in instead." },
  setup_token_invalid: {
    status: 403,
    message: () => "The setup token is missing or wrong: copy the one the console printed when it started (it listens beyond loopback, so setup needs it).",
  },
  sign_up_closed: { status: 403, message: () => "Self sign-up is off on this console: ask an administrator for an account." },
  launch_policy: { status: 403, message: (p: { detail?: string }) => `Operators may not launch this: ${p.detail ?? ""}. An administrator can launch it, or change the settings above.` },
  profile_not_found: { status: 404, message: (p: { id?: string }) => `No saved launch profile ${p.id ?? ""} exists; it may have been deleted.` },
  instance_not_found: { status: 404, message: (p: { id?: string }) => `No instance ${p.id ?? ""} exists on this console.` },
  instance_not_running: {
    status: 409,
    message: (p: { name?: string; phase?: string }) => `Instance ${p.name ?? ""} is ${p.phase ?? "not running"}; start it first.`,
  },
  instance_not_ready: {
    status: 409,
    message: (p: { name?: string; phase?: string }) => `Instance ${p.name ?? ""} is ${p.phase ?? "not ready"}; wait until it is ready.`,
  },
  instance_busy: { status: 409, message: (p: { name?: string; phase?: string }) => `Instance ${p.name ?? ""} is ${p.phase ?? "busy"}; wait until it settles.` },
  upstream_error: { status: 502, message: (p: { detail?: string }) => `The SGLang server answered with an error: ${p.detail ?? "unknown"}` },
  upstream_unreachable: {
    status: 502,
    message: (p: { address?: string }) => `The SGLang server at ${p.address ?? "its address"} did not answer; it may have stopped.`,
  },
  upstream_unauthorized: {
    status: 502,
    message: (p: { detail?: string }) => `The SGLang server refused the console's API key (${p.detail ?? "401"}): check --api-key in the instance's launch settings.`,
  },
  upstream_bad_request: { status: 400, message: (p: { detail?: string }) => `SGLang rejected the request: ${p.detail ?? "no reason given"}` },
  context_length_exceeded: {
    status: 400,
    message: (p: { detail?: string }) => `The request does not fit the model's context: ${p.detail ?? ""} Shorten the prompt or lower max_tokens.`,
  },
  upstream_timeout: { status: 504, message: (p: { detail?: string }) => `The SGLang server took too long to answer${p.detail ? ` (${p.detail})` : ""}; try again or lower max_tokens.` },
  request_cancelled: { status: 499, message: () => "The request was cancelled before the answer was complete." },
  playground_session_not_found: { status: 404, message: (p: { id?: string }) => `No saved playground session ${p.id ?? ""} exists for you.` },
  services_unavailable: {
    status: 503,
    message: () => "The console's services are not running: start the console with `npm start` (or `npm run dev`), not `next start`.",
  },
  run_log_missing: {
    status: 404,
    message: (p: { id?: string }) => `Run ${p.id ?? ""} has no log on this console: it is not a run of this instance, or its log was removed (RUN_LOG_RETENTION keeps the newest).`,
  },
  log_empty: { status: 400, message: () => "The log is empty: paste a log or choose a non-empty file." },
  payload_too_large: {
    status: 413,
    message: (p: { limit?: string }) =>
      `The log is larger than this console accepts (${p.limit ?? "its limit"}): diagnose it with \`npm run diagnose -- FILE\`, send only its last part, or raise DIAGNOSE_MAX_MB.`,
  },
  unsupported_media_type: {
    status: 415,
    message: (p: { detail?: string }) => `Send the log as text/plain or as a multipart/form-data upload with a field named "file", not ${p.detail ?? "this type"}.`,
  },
  model_not_found: { status: 404, message: (p: { path?: string }) => `No model folder ${p.path ?? ""} is under MODELS_DIR.` },
  model_in_use: { status: 409, message: (p: { path?: string; instances?: string }) => `${p.path ?? "The model"} is in use by ${p.instances ?? "an instance"}: stop it first.` },
  download_not_found: { status: 404, message: (p: { id?: string }) => `No download ${p.id ?? ""} exists on this console.` },
  download_target_refused: {
    status: 400,
    message: (p: { detail?: string }) => `The download cannot go there: ${p.detail ?? "pick a folder under MODELS_DIR"}.`,
  },
  download_hub_refused: { status: 502, message: (p: { detail?: string }) => `The hub did not give the file list: ${p.detail ?? "no reason given"}.` },
  download_state: { status: 409, message: (p: { repo?: string; state?: string; action?: string }) => `The download of ${p.repo ?? ""} is ${p.state ?? "settled"}; it cannot be ${p.action ?? "changed"} now.` },
  internal: { status: 500, message: () => "Something went wrong inside the console; its log has the details." },
} as const satisfies Record<string, { status: number; message: (p: never) => string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/**
 * An error's message in a locale other than English, from messages/<locale>/errors.json (keyed by code); the
 * English text above stays the source for logs. A parameter the thrower left out reads as empty.
 */
function localizedErrorMessage(code: ErrorCode, params: Record<string, string | undefined>, locale: Locale, localized?: LocalizedParams): string | null {
  if (locale === "en" || !hasMessage(locale, "errors", code)) return null;
  const inLocale = localized?.(locale) ?? {};
  const values: Record<string, string> = {};
  for (const name of placeholdersOf(String(CATALOGUES[locale].errors[code]))) values[name] = inLocale[name] ?? params[name] ?? "";
  return translator(locale, "errors")(code, values);
}

/**
 * Parameters whose words depend on the reader (launch issues, a policy's reasons, schema problems), built from the
 * structure the thrower holds for the answer's locale; the English ones in `params` stay for logs and English answers.
 */
export type LocalizedParams = (locale: Locale) => Partial<Record<string, string>>;
/** An error's message in a locale, from its code and parameters (for answers that carry an error inside them). */
export function errorMessage(code: ErrorCode, params: Readonly<Record<string, string | undefined>>, locale: Locale): string {
  return localizedErrorMessage(code, params, locale) ?? (ERROR_TABLE[code].message as (p: Readonly<Record<string, string | undefined>>) => string)(params);
}

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/**
 * The message parameters of one error code: a typo or a parameter its message does not use fails to compile.
 * A code chosen at run time from several (a union) takes any of their parameters.
 */
export type ErrorParams<C extends ErrorCode> =
  true extends IsUnion<C> ? Partial<Record<string, string>> : Parameters<(typeof ERROR_TABLE)[C]["message"]> extends [infer P] ? P : Record<string, never>;

// Next bundles lib/ into its own module graph too, so `instanceof` fails for errors thrown by the
// custom server's copy of this class: a global brand identifies them across both graphs.
const APP_ERROR_BRAND = Symbol.for("sglang-console.AppError");

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly [APP_ERROR_BRAND] = true;
  readonly code: C;
  readonly status: number;
  readonly userMessage: string;
  /** The message's parameters, kept to say it again in another language. */
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly details: unknown;
  private readonly localized: LocalizedParams | undefined;

  constructor(code: C, params: ErrorParams<C> = {} as ErrorParams<C>, options: { cause?: unknown; details?: unknown; localized?: LocalizedParams } = {}) {
    const entry = ERROR_TABLE[code];
    const userMessage = (entry.message as (p: ErrorParams<C>) => string)(params);
    super(userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = entry.status;
    this.userMessage = userMessage;
    this.params = params as Readonly<Record<string, string | undefined>>;
    this.details = options.details;
    this.localized = options.localized;
  }

  /** The answer's body, its message in the reader's language (the English one is what logs keep). */
  toJSON(locale: Locale = "en"): ErrorBody {
    const message = localizedErrorMessage(this.code, this.params, locale, this.localized) ?? this.userMessage;
    return { error: { code: this.code, message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/**
 * Any error at a boundary (route, socket event) as the AppError to answer: AppErrors as they are, anything
 * else logged once here and answered as `internal`, so a bug never reaches the client as its own message.
 */
export function toAppError(error: unknown, log: (message: string, error: unknown) => void): AppError {
  if (isAppError(error)) return error;
  log("unexpected error", error);
  return new AppError("internal");
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true;
}
