// The gateway answers errors as OpenAI does, so the official SDKs raise their usual exceptions with our message.

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface GatewayError {
  status: number;
  body: OpenAiErrorBody;
  /** Seconds, for 429 and 503. */
  retryAfterS?: number;
}

const TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "invalid_request_error",
  413: "invalid_request_error",
  429: "rate_limit_exceeded",
  503: "service_unavailable",
};

export function gatewayError(status: number, code: string, message: string, options: { param?: string; retryAfterS?: number } = {}): GatewayError {
  return {
    status,
    body: { error: { message, type: TYPES[status] ?? (status >= 500 ? "server_error" : "invalid_request_error"), param: options.param ?? null, code } },
    ...(options.retryAfterS !== undefined ? { retryAfterS: options.retryAfterS } : {}),
  };
}

/**
 * SGLang's error bodies (`{"object":"error","message","type","param","code"}` at the top level, or
 * `{"error": ...}` mid-stream) in OpenAI's shape; anything else becomes a plain message.
 */
export function toOpenAiErrorBody(raw: unknown, status: number): OpenAiErrorBody {
  const inner = raw && typeof raw === "object" && "error" in raw && typeof (raw as { error: unknown }).error === "object" ? (raw as { error: Record<string, unknown> }).error : (raw as Record<string, unknown> | null);
  const message = typeof inner?.message === "string" ? inner.message : typeof raw === "string" ? raw : `the model server answered ${status}`;
  return {
    error: {
      message,
      type: typeof inner?.type === "string" ? inner.type : (TYPES[status] ?? "server_error"),
      param: typeof inner?.param === "string" ? inner.param : null,
      code: inner?.code === undefined || inner.code === null ? null : String(inner.code),
    },
  };
}
