import OpenAI from "openai";
import { AppError, isAppError } from "../../lib/errors";
import { classifyUpstreamFailure, upstreamMessage } from "../../lib/playground/upstream-error";
import { nodeFetch } from "./node-fetch";

export interface Endpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

/** A non-streamed answer may take minutes on a real model; anything longer is a hang. */
export const RESPONSE_TIMEOUT_MS = 5 * 60_000;

/**
 * SGLang's error bodies are `{"object":"error","message":...}` at the top level, where the SDK looks for
 * `{"error": {...}}` and would keep only "400 status code (no body)": hand it SGLang's body as the error.
 */
class SglangClient extends OpenAI {
  protected override makeStatusError(status: number, error: object, message: string | undefined, headers: Headers) {
    const wrapped = error && typeof error === "object" && !("error" in error) ? { error } : error;
    return super.makeStatusError(status, wrapped, message, headers);
  }
}

const clients = new Map<string, OpenAI>();

/** One SDK client per address and key (they hold a connection pool); no retries: the user decides. */
export function clientFor(endpoint: Endpoint): OpenAI {
  const key = `${endpoint.baseUrl}\u0000${endpoint.apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new SglangClient({ baseURL: `${endpoint.baseUrl}/v1`, apiKey: endpoint.apiKey ?? "EMPTY", maxRetries: 0, timeout: RESPONSE_TIMEOUT_MS, fetch: nodeFetch });
    clients.set(key, client);
  }
  return client;
}

/** Any failure of a call to an instance as the console's error, with SGLang's own message kept. */
export function toAppError(error: unknown, endpoint: Endpoint): AppError {
  if (isAppError(error)) return error;
  if (error instanceof OpenAI.APIUserAbortError || (error instanceof Error && error.name === "AbortError")) {
    return new AppError("request_cancelled", {}, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError("upstream_timeout", { detail: `no answer from ${endpoint.baseUrl}` }, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) return new AppError("upstream_unreachable", { address: endpoint.baseUrl }, { cause: error });
  if (error instanceof OpenAI.APIError) {
    const { code, detail } = classifyUpstreamFailure({ status: error.status ?? null, message: upstreamMessage(error.error, error.message) });
    return new AppError(code, { detail, address: endpoint.baseUrl }, { cause: error });
  }
  // A socket reset while reading a stream surfaces as a plain TypeError/Error from fetch.
  return new AppError("upstream_unreachable", { address: endpoint.baseUrl }, { cause: error });
}
