import { z } from "zod";
import { says } from "./schema-text";
import { chatMessageSchema, upstreamToolChoiceSchema } from "./playground/requests";
import { functionToolSchema } from "./playground/tool-schema";

export const DEMO_TABS = ["chat", "streaming", "tools"] as const;
export type DemoTab = (typeof DEMO_TABS)[number];

export const createDemoLinkSchema = z.object({
  name: z.string().trim().min(1, says("linkName", "give the link a name")).max(100),
  instanceId: z.string().min(1).max(100),
  tabs: z.array(z.enum(DEMO_TABS)).min(1).default(["chat"]),
  systemPrompt: z.string().max(20_000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  rpm: z.number().int().positive().max(100_000).optional(),
  maxTokens: z.number().int().positive().max(1_000_000_000).optional(),
});
export type CreateDemoLinkInput = z.infer<typeof createDemoLinkSchema>;

export interface DemoLinkView {
  id: string;
  name: string;
  instanceId: string;
  tabs: DemoTab[];
  systemPrompt: string | null;
  expiresAt: string | null;
  rpm: number | null;
  maxTokens: number | null;
  usedTokens: number;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * What a visitor's chat sends: the conversation so far (the link's system prompt is added by the console) and, on a
 * link that offers tool calling, the tools and `tool_choice` in OpenAI's shape.
 */
export const demoChatSchema = z.object({
  messages: z
    .array(chatMessageSchema)
    .min(1)
    .max(200)
    .refine((messages) => !messages.some((message) => message.role === "system"), says("demoSystemPrompt", "the demo's system prompt is set by its owner")),
  maxTokens: z.number().int().positive().max(8192).optional(),
  tools: z.array(functionToolSchema).min(1).max(64).optional(),
  tool_choice: upstreamToolChoiceSchema.optional(),
});
export type DemoChatInput = z.infer<typeof demoChatSchema>;

export const DEMO_TOOLS_REFUSED = "This demo link does not offer tool calling: send the conversation without tools, tool_choice or tool messages.";

/** Why a visitor's request is refused by a link that does not offer tool calling; null when it may go. */
export function demoToolCallingRefusal(input: DemoChatInput, tabs: readonly DemoTab[]): string | null {
  if (tabs.includes("tools")) return null;
  const usesTools =
    input.tools !== undefined ||
    input.tool_choice !== undefined ||
    input.messages.some((message) => message.role === "tool" || (message.role === "assistant" && (message.tool_calls?.length ?? 0) > 0));
  return usesTools ? DEMO_TOOLS_REFUSED : null;
}

/** Why a link does not open, as a stable code and its parameters (pages translate it; the API says it in English). */
export type DemoLinkUnavailability = { code: "revoked" } | { code: "expired"; expiredAt: string } | { code: "exhausted" };

/** Why a link does not open; null when it opens. */
export function demoLinkUnavailability(link: { revokedAt: string | null; expiresAt: string | null; maxTokens: number | null; usedTokens: number }, now = Date.now()): DemoLinkUnavailability | null {
  if (link.revokedAt) return { code: "revoked" };
  if (link.expiresAt && new Date(link.expiresAt).getTime() <= now) return { code: "expired", expiredAt: link.expiresAt };
  if (link.maxTokens !== null && link.usedTokens >= link.maxTokens) return { code: "exhausted" };
  return null;
}

/** Why a link does not open, in English words a visitor understands (the demo chat API's message); null when it opens. */
export function demoLinkUnavailable(link: Parameters<typeof demoLinkUnavailability>[0], now = Date.now()): string | null {
  const reason = demoLinkUnavailability(link, now);
  if (!reason) return null;
  if (reason.code === "revoked") return "This demo link was revoked by its owner.";
  if (reason.code === "expired") return `This demo link expired on ${new Date(reason.expiredAt).toUTCString()}.`;
  return "This demo link has used all the tokens it was given.";
}

/**
 * A refusal as the demo page words it (a key of demo.visitor): a rate limit with the wait the answer's Retry-After
 * gave, else the console's own refusals by code (`knows`: whether demo.visitor.errors has it); null: show the
 * message as sent (SGLang's own error).
 */
export function demoRefusalText(error: { code?: string | null; retryAfterS?: number | null }, knows: (code: string) => boolean): { key: string; values?: Record<string, number> } | null {
  if (error.code === "rate_limit_exceeded" && error.retryAfterS) return { key: "rateLimitedFor", values: { seconds: error.retryAfterS } };
  return error.code && knows(error.code) ? { key: `errors.${error.code}` } : null;
}
