import { createHash, randomBytes, randomUUID } from "node:crypto";
import { canManageEveryonesKeys, type Actor } from "../../lib/authz";
import { type CreateDemoLinkInput, type DemoLinkView, type DemoTab } from "../../lib/demo-links";
import { AppError } from "../../lib/errors";
import type { Db } from "../db/client";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

interface DemoLinkRow {
  id: string;
  name: string;
  instanceId: string;
  tabsJson: string;
  systemPrompt: string | null;
  expiresAt: Date | null;
  rpm: number | null;
  maxTokens: number | null;
  usedTokens: number;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

function toView(row: DemoLinkRow, nameOf: (userId: string) => string): DemoLinkView {
  return {
    id: row.id,
    name: row.name,
    instanceId: row.instanceId,
    tabs: JSON.parse(row.tabsJson) as DemoTab[],
    systemPrompt: row.systemPrompt,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    rpm: row.rpm,
    maxTokens: row.maxTokens,
    usedTokens: row.usedTokens,
    createdBy: row.createdBy,
    createdByName: nameOf(row.createdBy),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Demo links as their makers manage them (administrators: everyone's); the token is in the answer once. */
export function createDemoLinkService(db: Db, nameOf: (userId: string) => string) {
  return {
    create: async (actor: Actor, input: CreateDemoLinkInput): Promise<{ link: DemoLinkView; token: string }> => {
      const token = randomBytes(18).toString("base64url");
      const row = await db.demoLink.create({
        data: {
          id: randomUUID(),
          tokenHash: hashToken(token),
          name: input.name,
          instanceId: input.instanceId,
          tabsJson: JSON.stringify(input.tabs),
          systemPrompt: input.systemPrompt ?? null,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
          rpm: input.rpm ?? null,
          maxTokens: input.maxTokens ?? null,
          createdBy: actor.id,
        },
      });
      return { link: toView(row, nameOf), token };
    },
    list: async (actor: Actor): Promise<DemoLinkView[]> =>
      (await db.demoLink.findMany({ where: canManageEveryonesKeys(actor) ? {} : { createdBy: actor.id }, orderBy: { createdAt: "desc" } })).map((row) => toView(row, nameOf)),
    revoke: async (actor: Actor, id: string): Promise<DemoLinkView> => {
      const row = await db.demoLink.findUnique({ where: { id } });
      if (!row || (row.createdBy !== actor.id && !canManageEveryonesKeys(actor))) throw new AppError("demo_link_not_found", { id });
      return toView(await db.demoLink.update({ where: { id }, data: { revokedAt: new Date() } }), nameOf);
    },
    /** The link behind a token, whatever its state (the page says why an expired or revoked one does not open). */
    findByToken: async (token: string): Promise<DemoLinkView | null> => {
      const row = await db.demoLink.findUnique({ where: { tokenHash: hashToken(token) } });
      return row ? toView(row, nameOf) : null;
    },
    addUsedTokens: async (id: string, tokens: number): Promise<void> => {
      await db.demoLink.update({ where: { id }, data: { usedTokens: { increment: tokens } } });
    },
  };
}

export type DemoLinkService = ReturnType<typeof createDemoLinkService>;
