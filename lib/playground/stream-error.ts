// A request that fails after its stream started (an abort with a status code, an out-of-memory, an exception in the
// scheduler) ends with `data: {"error": {"object": "error", "message", "type", "param", "code"}}` and then
// `data: [DONE]` (SGLang's serving_chat.py and serving_completions.py): [DONE] alone does not mean it finished.

export interface StreamError {
  message: string;
  /** SGLang's type: the HTTPStatus name of an abort ("SERVICE_UNAVAILABLE"), or an error class ("BadRequestError"). */
  type: string | null;
  code: number | null;
}

/** The error a streamed chunk carries, or null for an ordinary chunk. */
export function streamErrorOf(chunk: { error?: unknown }): StreamError | null {
  const error = chunk.error;
  if (error === undefined || error === null) return null;
  if (typeof error === "string") return { message: error, type: null, code: null };
  const record = error as Record<string, unknown>;
  return {
    message: typeof record.message === "string" && record.message ? record.message : "SGLang reported an error without a message.",
    type: typeof record.type === "string" ? record.type : null,
    code: typeof record.code === "number" ? record.code : null,
  };
}

/** "503 SERVICE_UNAVAILABLE", or whichever part SGLang sent. */
export function describeStreamError(error: StreamError): string {
  return [error.code, error.type].filter((part) => part !== null).join(" ") || "error";
}

