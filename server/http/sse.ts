/** A stream that sends nothing for this long is treated as hung and ended with an error. */
export const STREAM_IDLE_TIMEOUT_MS = 120_000;

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;
