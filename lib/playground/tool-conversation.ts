// One round of tool calling as a conversation: the model's reply (text or tool calls) becomes an assistant message,
// the calls it left unanswered are listed, and the results typed for them become tool messages.
import type { ChatMessage, ToolCall, ToolChoice } from "./requests";
import type { PlaygroundResult } from "./result";

/** The value of a `tool_choice` select ("auto", "none", "required" or "name:<function>") as a choice. */
export const toolChoiceOf = (value: string): ToolChoice => (value.startsWith("name:") ? { name: value.slice(5) } : (value as "auto" | "none" | "required"));

export function assistantReplyOf(result: Pick<PlaygroundResult, "text" | "toolCalls">): ChatMessage {
  if (result.toolCalls.length === 0) return { role: "assistant", content: result.text };
  return {
    role: "assistant",
    content: result.text || null,
    tool_calls: result.toolCalls.map((call) => ({ id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } })),
  };
}

/** Tool calls of the last assistant message that have no tool result yet. */
export function openToolCalls(messages: ChatMessage[]): ToolCall[] {
  const last = messages.findLast((message) => message.role === "assistant");
  if (!last || last.role !== "assistant" || !last.tool_calls) return [];
  const answered = new Set(messages.flatMap((message) => (message.role === "tool" ? [message.tool_call_id] : [])));
  return last.tool_calls.filter((call) => !answered.has(call.id));
}

export const toolResultMessages = (calls: ToolCall[], results: Record<string, string>): ChatMessage[] =>
  calls.map((call) => ({ role: "tool", tool_call_id: call.id, content: results[call.id] ?? "" }));
