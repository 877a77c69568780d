import { describe, expect, it } from "vitest";
import { createSseParser, formatSseEvent, type SseEvent } from "../../../lib/playground/sse";
import { StreamClock } from "../../../lib/playground/stream-stats";
import { classifyUpstreamFailure, upstreamMessage } from "../../../lib/playground/upstream-error";
import { AppError } from "../../../lib/errors";

describe("SSE parsing", () => {
  it("yields events whole however the bytes are split, with event names and [DONE]", () => {
    const text = formatSseEvent("request", { a: 1 }) + 'data: {"x":1}\n\n: comment\n\ndata: {"x":2}\r\n\r\ndata: [DONE]\n\n';
    for (const size of [1, 3, 7, text.length]) {
      const events: SseEvent[] = [];
      const parser = createSseParser((e) => events.push(e));
      for (let i = 0; i < text.length; i += size) parser.feed(text.slice(i, i + size));
      parser.end();
      expect(events).toEqual([
        { event: "request", data: '{"a":1}' },
        { event: "message", data: '{"x":1}' },
        { event: "message", data: '{"x":2}' },
        { event: "message", data: "[DONE]" },
      ]);
    }
  });
});

describe("stream speed", () => {
  it("measures time to first token from the request, decode tokens per second and gaps", () => {
    const clock = new StreamClock(1000);
    for (const t of [1100, 1110, 1120, 1150]) clock.token(t);
    const stats = clock.stats(1200);
    expect(stats).toMatchObject({ ttftMs: 100, tokens: 4, gapMedianMs: 10, gapMaxMs: 30, elapsedMs: 200 });
    expect(stats.tokensPerSecond).toBeCloseTo(60, 5);
  });
});

describe("upstream failures", () => {
  it("tells a 401, a context-length 400, another 400, a refused connection and a timeout apart", () => {
    expect(classifyUpstreamFailure({ status: 401, message: "Unauthorized" }).code).toBe("upstream_unauthorized");
    const ctx = "The input (300000 tokens) is longer than the model's context length (202752 tokens).";
    expect(classifyUpstreamFailure({ status: 400, message: ctx })).toEqual({ code: "context_length_exceeded", detail: ctx });
    expect(classifyUpstreamFailure({ status: 400, message: "max_tokens must be at least 0, got -1." }).code).toBe("upstream_bad_request");
    expect(classifyUpstreamFailure({ status: null, message: "Connection error." }).code).toBe("upstream_unreachable");
    expect(classifyUpstreamFailure({ status: null, message: "timed out", timedOut: true }).code).toBe("upstream_timeout");
    expect(classifyUpstreamFailure({ status: 500, message: "boom" })).toEqual({ code: "upstream_error", detail: "500 boom" });
  });

  it("shows SGLang's own message in the user's error", () => {
    const { code, detail } = classifyUpstreamFailure({ status: 400, message: upstreamMessage({ object: "error", message: "n > 1 is not supported when streaming." }, "") });
    expect(new AppError(code, { detail }).userMessage).toBe("SGLang rejected the request: n > 1 is not supported when streaming.");
    expect(upstreamMessage({ error: "Unauthorized" }, "x")).toBe("Unauthorized");
    expect(upstreamMessage({ error: { message: "inner" } }, "x")).toBe("inner");
    expect(upstreamMessage(undefined, "fallback")).toBe("fallback");
  });
});
