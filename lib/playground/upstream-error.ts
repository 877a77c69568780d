// How an SGLang answer that is an error becomes one of the console's error codes.
import type { ErrorCode } from "../errors";

export interface UpstreamFailure {
  /** HTTP status, or null when no answer came (connection refused, reset, timeout). */
  status: number | null;
  /** SGLang's own message (from `{"object":"error","message":...}` or `{"error": ...}`). */
  message: string;
  timedOut?: boolean;
}

// SGLang's two texts: "The input (N tokens) is longer than the model's context length (C tokens)." and
// "Requested token count exceeds the model's maximum context length of C tokens. ..."
const CONTEXT_LENGTH = /context length|maximum context length|context window/i;

export function classifyUpstreamFailure(failure: UpstreamFailure): { code: ErrorCode; detail: string } {
  const detail = failure.message.trim();
  if (failure.status === null) return { code: failure.timedOut ? "upstream_timeout" : "upstream_unreachable", detail };
  if (failure.status === 401 || failure.status === 403) return { code: "upstream_unauthorized", detail: `${failure.status} ${detail}` };
  if (failure.status === 400 && CONTEXT_LENGTH.test(detail)) return { code: "context_length_exceeded", detail };
  if (failure.status === 400 || failure.status === 422) return { code: "upstream_bad_request", detail };
  return { code: "upstream_error", detail: `${failure.status} ${detail}`.trim() };
}

/** The message inside an error body, whatever its shape. */
export function upstreamMessage(body: unknown, fallback: string): string {
  if (typeof body === "string" && body) return body;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    if (typeof record.message === "string") return record.message;
    if (typeof record.error === "string") return record.error;
    if (record.error && typeof record.error === "object") return upstreamMessage(record.error, fallback);
    if (typeof record.detail === "string") return record.detail;
  }
  return fallback;
}
