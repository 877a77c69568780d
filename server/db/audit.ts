import { randomUUID } from "node:crypto";
import type { AuditAction, AuditEventView } from "../../lib/audit";
import type { Db } from "./client";



export type { AuditEventView };

export interface AuditInput {
  actor: { id: string | null; name: string };
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one event; the table's triggers refuse every UPDATE and DELETE. */
export async function appendAuditEvent(db: Db, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: randomUUID(),
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      target: input.target ?? null,
      detailJson: JSON.stringify(input.detail ?? {}),
      ip: input.ip ?? null,
    },
  });
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      actorId: filter.actorId,
      action: filter.action,
      at: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined,
    },
    orderBy: { at: "desc" },
    take: filter.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detailJson) as Record<string, unknown>,
    ip: row.ip,
  }));
}
