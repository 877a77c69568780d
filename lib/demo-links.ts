import { z } from "zod";

export const DEMO_TABS = ["chat", "streaming"] as const;
export type DemoTab = (typeof DEMO_TABS)[number];

export const createDemoLinkSchema = z.object({
  name: z.string().trim().min(1, "give the link a name").max(100),
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

/** What a visitor's chat sends: the conversation so far (the link's system prompt is added by the console). */
export const demoChatSchema = z.object({
  messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string().max(100_000) })).min(1).max(200),
  maxTokens: z.number().int().positive().max(8192).optional(),
});

/** Why a link does not open, in words a visitor understands; null when it opens. */
export function demoLinkUnavailable(link: { revokedAt: string | null; expiresAt: string | null; maxTokens: number | null; usedTokens: number }, now = Date.now()): string | null {
  if (link.revokedAt) return "This demo link was revoked by its owner.";
  if (link.expiresAt && new Date(link.expiresAt).getTime() <= now) return `This demo link expired on ${new Date(link.expiresAt).toUTCString()}.`;
  if (link.maxTokens !== null && link.usedTokens >= link.maxTokens) return "This demo link has used all the tokens it was given.";
  return null;
}
