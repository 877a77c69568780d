import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import type { InstanceView } from "../../lib/instance-view";
import { judgeReasoning, judgeToolCall } from "../../lib/parser-check";
import { ParserChecks } from "../../server/parser-check/parser-checks";
import type { Endpoint } from "../../server/playground/upstream";

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

describe("a parser check that could not run", () => {
  const view = { id: "i1", phase: "ready", run: { id: "r1" } } as unknown as InstanceView;

  async function failedCheck(endpointOf: () => Endpoint, timeoutMs = 200): Promise<ParserChecks> {
    const checks = new ParserChecks({ endpointOf, timeoutMs, log: () => {} });
    checks.onState(view);
    for (let i = 0; i < 100 && checks.get("i1")?.state === "running"; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return checks;
  }

  it("keeps the refusal's code and parameters and says it in the reader's language", async () => {
    const checks = await failedCheck(() => {
      throw new AppError("instance_not_ready", { name: "glm", phase: "loading" });
    });
    expect(checks.get("i1")).toMatchObject({ state: "failed", message: "Instance glm is loading; wait until it is ready.", error: { code: "instance_not_ready" } });
    expect(checks.get("i1", "zh-CN")).toMatchObject({ state: "failed", message: "实例 glm 当前状态为 loading：请等它就绪。" });
  });

  it("says a server that never answers timed out, in Chinese too", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const checks = await failedCheck(() => ({ baseUrl: `http://127.0.0.1:${port}`, apiKey: null, model: "m" }));
      expect(checks.get("i1")).toMatchObject({ state: "failed", error: { code: "upstream_timeout", params: { detail: "0.2 s" } } });
      expect(checks.get("i1", "zh-CN")).toMatchObject({ message: "SGLang 服务响应超时（0.2 s）：请重试或调低 max_tokens。" });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
