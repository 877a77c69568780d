import { describe, expect, it } from "vitest";
import { StreamAccumulator, resultOfResponse, type StreamChunk } from "../../../lib/playground/result";
import { describeStreamError, streamErrorOf } from "../../../lib/playground/stream-error";
import { StreamClock } from "../../../lib/playground/stream-stats";

const delta = (content: string): StreamChunk => ({ model: "glm", choices: [{ index: 0, delta: { content }, finish_reason: null }] });
// What SGLang's serving_chat.py sends when the scheduler aborts a request with a status code after the stream started.
const OOM = { error: { object: "error", message: "Decode out of memory. Try to lower your batch size.", type: "SERVICE_UNAVAILABLE", param: null, code: 503 } };

describe("a stream SGLang fails part-way", () => {
  it("keeps what arrived, records SGLang's error, and is not finished although [DONE] follows", () => {
    const accumulator = new StreamAccumulator();
    const clock = new StreamClock(0);
    let t = 10;
    for (const chunk of [delta("Paris is"), delta(" the"), OOM, { choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } }]) {
      const seen = accumulator.add(chunk);
      if (seen.error) clock.error();
      else if (seen.content) clock.token((t += 10));
    }
    const result = accumulator.result();
    expect(result).toMatchObject({ text: "Paris is the", finishReason: null, usage: { completion_tokens: 2 } });
    expect(result.error).toEqual({ message: "Decode out of memory. Try to lower your batch size.", type: "SERVICE_UNAVAILABLE", code: 503 });
    expect(clock.stats(100)).toMatchObject({ tokens: 2, errors: 1 });
    expect(describeStreamError(result.error!)).toBe("503 SERVICE_UNAVAILABLE");
  });

  it("reads the error whatever its shape, and ordinary chunks as none", () => {
    expect(streamErrorOf({ error: "boom" })).toEqual({ message: "boom", type: null, code: null });
    expect(describeStreamError({ message: "x", type: null, code: 500 })).toBe("500");
    expect(streamErrorOf({ error: {} })!.message).toMatch(/without a message/);
    expect(streamErrorOf(delta("hi"))).toBeNull();
    expect(new StreamClock(0).stats(1).errors).toBe(0);
  });
});

describe("SGLang's answer shapes the playground copes with", () => {
  it("a completions stream whose finish reason rides on its last text chunk keeps that text", () => {
    const accumulator = new StreamAccumulator();
    accumulator.add({ choices: [{ index: 0, text: "Once", finish_reason: null }] });
    accumulator.add({ choices: [{ index: 0, text: " upon", finish_reason: "length", matched_stop: null }] });
    expect(accumulator.result()).toMatchObject({ text: "Once upon", finishReason: "length", matchedStop: null, error: null });
  });

  it("a non-streamed tool call with content \"\" and matched_stop null", () => {
    const result = resultOfResponse({
      choices: [{ message: { content: "", tool_calls: [{ id: "call_1", function: { name: "get_weather", arguments: '{"location":"Paris"}' } }] }, finish_reason: "tool_calls", matched_stop: null }],
    });
    expect(result).toMatchObject({ text: "", finishReason: "tool_calls", matchedStop: null, toolCalls: [{ index: 0, id: "call_1", name: "get_weather" }] });
  });
});
