import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../../lib/playground/requests";
import { assistantReplyOf, openToolCalls, toolChoiceOf, toolResultMessages } from "../../../lib/playground/tool-conversation";

const call = (id: string) => ({ id, type: "function" as const, function: { name: "get_weather", arguments: "{}" } });

describe("tool conversation", () => {
  it("turns a reply with tool calls into an assistant message with tool_calls and null content", () => {
    expect(assistantReplyOf({ text: "", toolCalls: [{ index: 0, id: "a", name: "get_weather", arguments: "{}" }] })).toEqual({ role: "assistant", content: null, tool_calls: [call("a")] });
    expect(assistantReplyOf({ text: "hi", toolCalls: [] })).toEqual({ role: "assistant", content: "hi" });
  });

  it("lists the last assistant message's calls that have no result yet", () => {
    const messages: ChatMessage[] = [{ role: "user", content: "?" }, { role: "assistant", content: null, tool_calls: [call("a"), call("b")] }, { role: "tool", tool_call_id: "a", content: "1" }];
    expect(openToolCalls(messages).map((c) => c.id)).toEqual(["b"]);
    expect(toolResultMessages(openToolCalls(messages), { b: "2" })).toEqual([{ role: "tool", tool_call_id: "b", content: "2" }]);
    expect(openToolCalls([{ role: "user", content: "?" }])).toEqual([]);
  });

  it("reads the tool_choice select", () => {
    expect(toolChoiceOf("auto")).toBe("auto");
    expect(toolChoiceOf("name:get_weather")).toEqual({ name: "get_weather" });
  });
});
