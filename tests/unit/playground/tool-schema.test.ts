import { describe, expect, it } from "vitest";
import { GET_WEATHER_TOOL, parseToolDefinitions } from "../../../lib/playground/tool-schema";

describe("tool definitions typed as JSON", () => {
  it("accepts the guide's get_weather tool, alone or in a list", () => {
    const text = JSON.stringify([GET_WEATHER_TOOL], null, 2);
    expect(parseToolDefinitions(text)).toEqual({ ok: true, tools: [GET_WEATHER_TOOL] });
    expect(parseToolDefinitions(JSON.stringify(GET_WEATHER_TOOL))).toEqual({ ok: true, tools: [GET_WEATHER_TOOL] });
  });

  it("points at the line and column of a JSON syntax error", () => {
    const result = parseToolDefinitions('[\n  {\n    "type": "function",\n    "function": { "name": "x", }\n  }\n]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line: 4, reason: { key: "invalidJson" } });
    expect(result.problems[0]!.message).toMatch(/^Invalid JSON at line 4, column \d+: /);
  });

  it("names the path of a field that breaks the function-tool shape", () => {
    const bad = [{ type: "function", function: { name: "get weather!", parameters: { type: "array" } } }, { type: "tool", function: { name: "b" } }];
    const result = parseToolDefinitions(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message);
    expect(messages).toContain("[0].function.name: function.name may use letters, digits, _ and - (at most 64)");
    expect(messages).toContain('[0].function.parameters.type: parameters.type must be "object"');
    expect(messages).toContain('[1].type: type must be "function"');
    expect(result.problems.find((p) => p.path === "[1].type")?.reason).toEqual({ key: "typeFunction" });
  });

  it("reads the line and column from either engine's JSON.parse message (V8 in Node gives a position, Chromium may give both)", () => {
    const result = parseToolDefinitions('{\n  "a": 1\n  "b": 2\n}');
    expect(result.ok ? null : result.problems[0]).toMatchObject({ line: 3, column: 3 });
  });

  it("rejects a tool defined twice and an empty list", () => {
    const twice = parseToolDefinitions(JSON.stringify([GET_WEATHER_TOOL, GET_WEATHER_TOOL]));
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual(['[1].function.name: "get_weather" is defined twice']);
    expect(twice.ok ? null : twice.problems[0]!.reason).toEqual({ key: "definedTwice", name: "get_weather" });
    const empty = parseToolDefinitions("[]");
    expect(empty.ok ? [] : empty.problems.map((p) => p.message)).toEqual(["define at least one tool"]);
  });

  it("rejects unknown keys inside function (a misspelt parameters would be ignored silently)", () => {
    const result = parseToolDefinitions(JSON.stringify({ type: "function", function: { name: "f", paramters: {} } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^function: .*paramters/);
    // zod's own wording has no key of ours: the English message is shown as it is.
    if (!result.ok) expect(result.problems[0]!.reason).toBeUndefined();
  });
});
