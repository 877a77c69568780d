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

/** Requests of one day, person, key and model, added up: the Usage page's row without the person's name. */
type UsageTotals = Omit<UsageRowView, "userName">;

/** Adds requests' tokens to their day's row (one row per day, person, key and model). */
const addUsage = (db: Db, totals: UsageTotals) =>
  db.usageDay.upsert({
    where: { day_userId_keyId_model: { day: totals.day, userId: totals.userId, keyId: totals.keyId, model: totals.model } },
    create: { id: randomUUID(), ...totals },
    update: {
      requests: { increment: totals.requests },
      promptTokens: { increment: totals.promptTokens },
      completionTokens: { increment: totals.completionTokens },
      estimated: { increment: totals.estimated },
    },
  });

/**
 * Usage as requests finish, written a second later in one transaction: a write per request, on SQLite's one
 * connection that blocks the event loop, delayed every other stream's tokens (bench:gateway). Readers call `flush`
 * first and see every finished request; the console flushes before it exits.
 */
export function createUsageLedger(options: { db: Db; log: (message: string) => void; flushAfterMs?: number }) {
  let pending = new Map<string, UsageTotals>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = [...pending.values()];
    pending = new Map();
    if (batch.length > 0) {
      writing = writing
        .then(() => options.db.$transaction(batch.map((totals) => addUsage(options.db, totals))))
        .then(
          () => undefined,
          (error: unknown) => options.log(`usage: cannot record ${batch.reduce((sum, totals) => sum + totals.requests, 0)} requests: ${String(error)}`),
        );
    }
    return writing;
  };

  const record = (entry: UsageEntry, at = new Date()): void => {
    const day = dayOf(at);
    const key = `${day}\u0000${entry.userId}\u0000${entry.keyId}\u0000${entry.model}`;
    const totals = pending.get(key) ?? { day, userId: entry.userId, keyId: entry.keyId, label: entry.label, model: entry.model, requests: 0, promptTokens: 0, completionTokens: 0, estimated: 0 };
    totals.requests += 1;
    totals.promptTokens += entry.promptTokens;
    totals.completionTokens += entry.completionTokens;
    totals.estimated += entry.estimated ? 1 : 0;
    pending.set(key, totals);
    if (!timer) {
      timer = setTimeout(() => void flush(), options.flushAfterMs ?? 1000);
      timer.unref();
    }
  };

  return { record, flush };
}

export type UsageLedger = ReturnType<typeof createUsageLedger>;

export async function listUsage(db: Db, filter: { userId?: string; model?: string; from?: string; to?: string }, nameOf: (userId: string) => string): Promise<UsageRowView[]> {
  const rows = await db.usageDay.findMany({
    where: { userId: filter.userId, model: filter.model, day: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined },
    orderBy: [{ day: "asc" }, { model: "asc" }],
    take: 10_000,
  });
  return rows.map(({ id: _id, ...row }) => ({ ...row, userName: nameOf(row.userId) }));
}
