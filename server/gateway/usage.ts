import { randomUUID } from "node:crypto";
import type { UsageRowView } from "../../lib/usage";
import type { Db } from "../db/client";

export interface UsageEntry {
  userId: string;
  /** "" for the console's own playground. */
  keyId: string;
  label: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Adds one request's tokens to its day's row (one row per day, person, key and model). */
export async function recordUsage(db: Db, entry: UsageEntry, at = new Date()): Promise<void> {
  const day = dayOf(at);
  await db.usageDay.upsert({
    where: { day_userId_keyId_model: { day, userId: entry.userId, keyId: entry.keyId, model: entry.model } },
    create: {
      id: randomUUID(),
      day,
      userId: entry.userId,
      keyId: entry.keyId,
      label: entry.label,
      model: entry.model,
      requests: 1,
      promptTokens: entry.promptTokens,
      completionTokens: entry.completionTokens,
      estimated: entry.estimated ? 1 : 0,
    },
    update: {
      requests: { increment: 1 },
      promptTokens: { increment: entry.promptTokens },
      completionTokens: { increment: entry.completionTokens },
      estimated: { increment: entry.estimated ? 1 : 0 },
    },
  });
}

export async function listUsage(db: Db, filter: { userId?: string; model?: string; from?: string; to?: string }, nameOf: (userId: string) => string): Promise<UsageRowView[]> {
  const rows = await db.usageDay.findMany({
    where: { userId: filter.userId, model: filter.model, day: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined },
    orderBy: [{ day: "asc" }, { model: "asc" }],
    take: 10_000,
  });
  return rows.map(({ id: _id, ...row }) => ({ ...row, userName: nameOf(row.userId) }));
}
