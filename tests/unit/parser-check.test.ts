import { describe, expect, it } from "vitest";
import { judgeReasoning, judgeToolCall } from "../../lib/parser-check";

describe("parser check verdicts", () => {
  it("counts a tool call as parsed when tool_calls holds get_weather with a JSON object of arguments", () => {
    expect(judgeToolCall({ content: "", tool_calls: [{ type: "function", function: { name: "get_weather", arguments: '{"city": "Paris"}' } }] })).toEqual({
      ok: true,
      verdict: "parsed",
      value: '{"city": "Paris"}',
      detail: 'tool_calls holds get_weather({"city": "Paris"}).',
    });
    expect(judgeToolCall({ tool_calls: [{ function: { name: "get_weather", arguments: "city=Paris" } }] }).ok).toBe(false);
  });

  it("says so when the call came back as text, the sign of a missing --tool-call-parser", () => {
    const text = "<tool_call>get_weather<arg_key>city</arg_key><arg_value>Paris</arg_value></tool_call>";
    expect(judgeToolCall({ content: text, tool_calls: null })).toEqual({ ok: false, verdict: "as_text", detail: "The model wrote the call as text in content: set --tool-call-parser for this model." });
    expect(judgeToolCall({ content: "It is sunny." }).detail).toBe("No tool call came back (neither in tool_calls nor as text).");
  });

  it("counts reasoning as separated only when reasoning_content is set and content has no think tags", () => {
    expect(judgeReasoning({ content: "No.", reasoning_content: "391 = 17 × 23" })).toEqual({ ok: true, verdict: "separated", value: 13, detail: "reasoning_content holds 13 characters, apart from the answer." });
    expect(judgeReasoning({ content: "<think>391 = 17 × 23</think>No.", reasoning_content: null })).toEqual({
      ok: false,
      verdict: "inside_content",
      detail: "The reasoning came back inside content (<think> tags): set --reasoning-parser for this model.",
    });
    expect(judgeReasoning({ content: "No." }).ok).toBe(false);
  });
});
