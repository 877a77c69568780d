// What the browser sends to the console's playground routes, and the exact body the console sends to SGLang.
import { z } from "zod";
import { says } from "../schema-text";
import { cleanParams, samplingParamsSchema } from "./params";
import { functionToolSchema } from "./tool-schema";

const text = (max: number) => z.string().max(max);

export const toolCallSchema = z.object({
  id: text(200),
  type: z.literal("function"),
  function: z.object({ name: text(200), arguments: text(100_000) }),
});

export const chatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: text(200_000) }),
  z.object({ role: z.literal("user"), content: text(200_000) }),
  z.object({ role: z.literal("assistant"), content: text(200_000).nullable(), tool_calls: z.array(toolCallSchema).max(64).optional() }),
  z.object({ role: z.literal("tool"), tool_call_id: text(200), content: text(200_000) }),
]);

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ToolCall = z.infer<typeof toolCallSchema>;

export const toolChoiceSchema = z.union([z.enum(["auto", "none", "required"]), z.object({ name: text(64) })]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** `tool_choice` as SGLang and OpenAI take it. */
export const upstreamToolChoiceSchema = z.union([z.enum(["auto", "none", "required"]), z.object({ type: z.literal("function"), function: z.object({ name: text(64) }) })]);
export type UpstreamToolChoice = z.infer<typeof upstreamToolChoiceSchema>;

export const toUpstreamToolChoice = (choice: ToolChoice): UpstreamToolChoice => (typeof choice === "string" ? choice : { type: "function", function: { name: choice.name } });

export const chatRequestSchema = z.object({
  messages: z.array(chatMessageSchema).min(1, says("oneMessage", "send at least one message")).max(500),
  params: samplingParamsSchema.default({}),
  tools: z.array(functionToolSchema).max(64).optional(),
  toolChoice: toolChoiceSchema.optional(),
  stream: z.boolean().default(false),
});
export type ChatRequest = z.input<typeof chatRequestSchema>;

export const completionRequestSchema = z.object({
  prompt: text(400_000).min(1, says("prompt", "write a prompt")),
  params: samplingParamsSchema.default({}),
  stream: z.boolean().default(false),
});
export type CompletionRequest = z.input<typeof completionRequestSchema>;

export type PlaygroundKind = "chat" | "completions";

/** The JSON body as SGLang receives it (OpenAI fields and SGLang's own, flat). */
export type UpstreamBody = Record<string, unknown> & { model: string; stream?: boolean };

export function buildChatBody(request: z.output<typeof chatRequestSchema>, model: string): UpstreamBody {
  const body: UpstreamBody = { model, messages: request.messages.map(normaliseMessage), ...cleanParams(request.params, "chat") };
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools;
    if (request.toolChoice) body.tool_choice = toUpstreamToolChoice(request.toolChoice);
  }
  return withStream(body, request.stream);
}

export function buildCompletionBody(request: z.output<typeof completionRequestSchema>, model: string): UpstreamBody {
  const { chat_template_kwargs: _ignored, ...params } = cleanParams(request.params, "completions");
  return withStream({ model, prompt: request.prompt, ...params }, request.stream);
}

function withStream(body: UpstreamBody, stream: boolean): UpstreamBody {
  return stream ? { ...body, stream: true, stream_options: { include_usage: true } } : body;
}

function normaliseMessage(message: ChatMessage): ChatMessage {
  if (message.role === "assistant" && (!message.tool_calls || message.tool_calls.length === 0)) return { role: "assistant", content: message.content ?? "" };
  return message;
}
