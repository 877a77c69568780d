// A saved playground session: which tab, a title, and the tab's state (messages, params, tools...).
import { z } from "zod";
import { says } from "../schema-text";
import { chatMessageSchema } from "./requests";
import { samplingParamsSchema } from "./params";

export const PLAYGROUND_TABS = ["completions", "chat", "streaming", "tools", "compare"] as const;
export type PlaygroundTab = (typeof PLAYGROUND_TABS)[number];

/** What every tab stores; each tab reads the fields it uses. */
export const tabStateSchema = z.object({
  params: samplingParamsSchema.default({}),
  system: z.string().max(200_000).optional(),
  prompt: z.string().max(400_000).optional(),
  messages: z.array(chatMessageSchema).max(500).optional(),
  /** The reasoning shown with assistant messages, by message index (not sent back to the model). */
  reasoning: z.record(z.string(), z.string().max(400_000)).optional(),
  toolsText: z.string().max(200_000).optional(),
  toolChoice: z.string().max(100).optional(),
  /** The last answer shown (text, reasoning), so a reopened session reads like it was left. */
  output: z.object({ text: z.string().max(400_000), reasoning: z.string().max(400_000) }).optional(),
  compare: z.object({ leftInstanceId: z.string().max(100).optional(), rightInstanceId: z.string().max(100).optional(), rightParams: samplingParamsSchema.optional() }).optional(),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const sessionInputSchema = z.object({
  title: z.string().trim().min(1, says("sessionTitle", "give the session a title")).max(200),
  tab: z.enum(PLAYGROUND_TABS),
  instanceId: z.string().max(100).nullable(),
  state: tabStateSchema,
});
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const sessionPatchSchema = sessionInputSchema.partial();

export interface PlaygroundSessionView extends SessionInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A readable transcript of a session. */
export function sessionToMarkdown(session: PlaygroundSessionView): string {
  const lines = [`# ${session.title}`, "", `- tab: ${session.tab}`, `- instance: ${session.instanceId ?? "none"}`, `- saved: ${session.updatedAt}`];
  const params = session.state.params;
  if (Object.keys(params).length > 0) lines.push(`- parameters: \`${JSON.stringify(params)}\``);
  lines.push("");
  if (session.state.system) lines.push("## system", "", session.state.system, "");
  if (session.state.prompt) lines.push("## prompt", "", session.state.prompt, "");
  if (session.state.toolsText) lines.push("## tools", "", "```json", session.state.toolsText, "```", "");
  for (const message of session.state.messages ?? []) {
    lines.push(`## ${message.role}`, "");
    if (message.role === "assistant" && message.tool_calls) {
      for (const call of message.tool_calls) lines.push(`tool call \`${call.function.name}\` (${call.id}):`, "", "```json", call.function.arguments, "```", "");
    }
    if (message.role === "tool") lines.push(`result for ${message.tool_call_id}:`, "");
    if (message.content) lines.push(message.content, "");
  }
  if (session.state.output?.reasoning) lines.push("## reasoning", "", session.state.output.reasoning, "");
  if (session.state.output?.text) lines.push("## output", "", session.state.output.text, "");
  return lines.join("\n");
}
