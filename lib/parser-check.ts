// The two-request check run once an instance is ready: does SGLang parse the model's tool call into tool_calls,
// and does it separate the model's reasoning from its answer? Without --tool-call-parser a model answers tool
// calls as text; without --reasoning-parser its thinking lands in content.
import type { ErrorCode } from "./errors";

/** What the check saw, as a stable code: pages say it in the reader's language (messages: instances.parserCheck.verdict). */
export type ToolCallVerdict = "parsed" | "bad_arguments" | "as_text" | "none";
export type ReasoningVerdict = "separated" | "think_tags_left" | "inside_content" | "none";

export interface ParserCheckPart {
  ok: boolean;
  verdict: ToolCallVerdict | ReasoningVerdict;
  /** The arguments seen (a tool call), or the reasoning's length in characters. */
  value?: string | number;
  /** What was seen, in English words (the API's answer and the logs). */
  detail: string;
}

export type ParserCheck =
  | { state: "running"; runId: string }
  | { state: "done"; runId: string; checkedAt: string; toolCall: ParserCheckPart; reasoning: ParserCheckPart }
  /** `message` in the reader's language when the API answers it (English in logs); `error` the refusal's code and parameters. */
  | { state: "failed"; runId: string; checkedAt: string; message: string; error: { code: ErrorCode; params: Readonly<Record<string, string | undefined>> } };

export const PARSER_CHECK_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather in a city",
    parameters: { type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] },
  },
} as const;

export const TOOL_CALL_PROMPT = "What is the weather in Paris right now? Use the get_weather tool.";
export const REASONING_PROMPT = "Is 391 a prime number? Think it through step by step, then answer yes or no.";

/** The parts of a chat answer the check reads (SGLang's message, reasoning_content included). */
export interface CheckedMessage {
  content?: string | null;
  reasoning_content?: string | null;
  tool_calls?: readonly { type?: string; function?: { name?: string; arguments?: string } }[] | null;
}

function parsesAsObject(text: string | undefined): boolean {
  try {
    const value: unknown = JSON.parse(text ?? "");
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export function judgeToolCall(message: CheckedMessage | undefined): ParserCheckPart {
  const call = message?.tool_calls?.find((item) => item.function?.name === PARSER_CHECK_TOOL.function.name);
  if (call) {
    return parsesAsObject(call.function?.arguments)
      ? { ok: true, verdict: "parsed", value: call.function?.arguments ?? "", detail: `tool_calls holds get_weather(${call.function?.arguments ?? ""}).` }
      : { ok: false, verdict: "bad_arguments", value: call.function?.arguments ?? "", detail: `tool_calls holds get_weather, but its arguments are not a JSON object: ${call.function?.arguments ?? ""}` };
  }
  const content = message?.content ?? "";
  if (/get_weather|<tool_call>|<\|tool_call|tool▁call/.test(content)) {
    return { ok: false, verdict: "as_text", detail: "The model wrote the call as text in content: set --tool-call-parser for this model." };
  }
  return { ok: false, verdict: "none", detail: "No tool call came back (neither in tool_calls nor as text)." };
}

export function judgeReasoning(message: CheckedMessage | undefined): ParserCheckPart {
  const reasoning = message?.reasoning_content ?? "";
  const content = message?.content ?? "";
  if (reasoning.trim() !== "") {
    return /<\/?think>/.test(content)
      ? { ok: false, verdict: "think_tags_left", detail: "reasoning_content is set, but content still holds <think> tags: check --reasoning-parser." }
      : { ok: true, verdict: "separated", value: reasoning.length, detail: `reasoning_content holds ${reasoning.length} characters, apart from the answer.` };
  }
  if (/<\/?think>/.test(content)) return { ok: false, verdict: "inside_content", detail: "The reasoning came back inside content (<think> tags): set --reasoning-parser for this model." };
  return { ok: false, verdict: "none", detail: "No reasoning_content: the model did not reason, or no --reasoning-parser separated it." };
}
