import { describe, expect, it } from "vitest";
import { StreamAccumulator } from "../../../lib/playground/result";
import { ToolCallAssembler, prettyArguments } from "../../../lib/playground/tool-call-assembly";

describe("streamed tool-call assembly", () => {
  it("joins SGLang's deltas (name first, then argument fragments under the same index) into one call", () => {
    const assembler = new ToolCallAssembler();
    assembler.add([{ index: 0, id: "call_abc", type: "function", function: { name: "get_weather", arguments: "" } }]);
    for (const fragment of ['{"loc', 'ation": "San', ' Francisco", ', '"unit": "celsius"}']) assembler.add([{ index: 0, function: { arguments: fragment } }]);
    expect(assembler.result()).toEqual([{ index: 0, id: "call_abc", name: "get_weather", arguments: '{"location": "San Francisco", "unit": "celsius"}' }]);
  });

  it("keeps interleaved calls apart by index and returns them in index order", () => {
    const assembler = new ToolCallAssembler();
    assembler.add([{ index: 1, id: "call_2", function: { name: "get_time", arguments: '{"tz":' } }]);
    assembler.add([{ index: 0, id: "call_1", function: { name: "get_weather", arguments: '{"location":' } }]);
    assembler.add([{ index: 1, function: { arguments: '"UTC"}' } }, { index: 0, function: { arguments: '"Paris"}' } }]);
    const calls = assembler.result();
    expect(calls.map((c) => [c.id, c.name, c.arguments])).toEqual([
      ["call_1", "get_weather", '{"location":"Paris"}'],
      ["call_2", "get_time", '{"tz":"UTC"}'],
    ]);
  });

  it("joins a name split over deltas but does not double a name repeated in every delta", () => {
    const split = new ToolCallAssembler();
    split.add([{ index: 0, id: "c", function: { name: "get_" } }]);
    split.add([{ index: 0, function: { name: "weather" } }]);
    split.add([{ index: 0, function: { arguments: "{}" } }]);
    expect(split.result()[0]!.name).toBe("get_weather");
    const repeated = new ToolCallAssembler();
    repeated.add([{ index: 0, id: "c", function: { name: "get_weather", arguments: '{"a":' } }]);
    repeated.add([{ index: 0, function: { name: "get_weather", arguments: "1}" } }]);
    expect(repeated.result()[0]).toMatchObject({ name: "get_weather", arguments: '{"a":1}' });
  });

  it("falls back to the position in the delta list when a server leaves out the index", () => {
    const assembler = new ToolCallAssembler();
    assembler.add([{ id: "c", function: { name: "f", arguments: "{" } }]);
    assembler.add([{ function: { arguments: "}" } }]);
    expect(assembler.result()).toEqual([{ index: 0, id: "c", name: "f", arguments: "{}" }]);
  });

  it("pretty-prints arguments that are JSON and reports those that are not", () => {
    expect(prettyArguments('{"location":"Paris"}')).toEqual({ pretty: '{\n  "location": "Paris"\n}', valid: true });
    expect(prettyArguments("")).toEqual({ pretty: "{}", valid: true });
    const broken = prettyArguments('{"location": "Par');
    expect(broken.valid).toBe(false);
    expect(broken.pretty).toBe('{"location": "Par');
  });

  it("folds a whole chat stream (reasoning, content, tool calls, finish reason, usage) into one result", () => {
    const acc = new StreamAccumulator();
    const chunk = (delta: object, finish: string | null = null) => ({ model: "glm-4.7-flash", choices: [{ index: 0, delta, finish_reason: finish }] });
    expect(acc.add(chunk({ role: "assistant", content: "" }))).toEqual({ content: false, reasoning: false, tool: false, error: false });
    expect(acc.add(chunk({ reasoning_content: "Think" })).reasoning).toBe(true);
    acc.add(chunk({ content: "Let me check." }));
    acc.add(chunk({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "get_weather", arguments: "" } }] }));
    expect(acc.add(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"location":"Paris"}' } }] })).tool).toBe(true);
    acc.add(chunk({}, "tool_calls"));
    acc.add({ model: "glm-4.7-flash", choices: [], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } });
    expect(acc.result()).toEqual({
      text: "Let me check.",
      reasoning: "Think",
      toolCalls: [{ index: 0, id: "call_1", name: "get_weather", arguments: '{"location":"Paris"}' }],
      finishReason: "tool_calls",
      matchedStop: null,
      usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
      model: "glm-4.7-flash",
      error: null,
    });
  });
});
