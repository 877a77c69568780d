import { randomUUID } from "node:crypto";
import { AppError } from "../../lib/errors";
import { tabStateSchema, type PlaygroundSessionView, type PlaygroundTab, type SessionInput } from "../../lib/playground/session";
import type { Db } from "./client";

interface SessionRow {
  id: string;
  owner: string;
  instanceId: string | null;
  tab: string;
  title: string;
  stateJson: string;
  createdAt: Date;
  updatedAt: Date;
}

function toView(row: SessionRow): PlaygroundSessionView & { owner: string } {
  const state = tabStateSchema.safeParse(JSON.parse(row.stateJson));
  return {
    id: row.id,
    owner: row.owner,
    instanceId: row.instanceId,
    tab: row.tab as PlaygroundTab,
    title: row.title,
    state: state.success ? state.data : { params: {} },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createPlaygroundSession(db: Db, { owner, input }: { owner: string; input: SessionInput }) {
  const row = await db.playgroundSession.create({
    data: { id: randomUUID(), owner, instanceId: input.instanceId, tab: input.tab, title: input.title, stateJson: JSON.stringify(input.state) },
  });
  return toView(row);
}

/** The owner's sessions, most recently saved first, without their state (a list stays small). */
export async function listPlaygroundSessions(db: Db, { owner }: { owner: string }) {
  const rows = await db.playgroundSession.findMany({ where: { owner }, orderBy: { updatedAt: "desc" }, take: 500 });
  return rows.map((row) => {
    const { state: _state, ...rest } = toView(row);
    return rest;
  });
}

export async function getPlaygroundSession(db: Db, { id }: { id: string }) {
  const row = await db.playgroundSession.findUnique({ where: { id } });
  return row ? toView(row) : null;
}

export async function getPlaygroundSessionOrThrow(db: Db, { id }: { id: string }) {
  const session = await getPlaygroundSession(db, { id });
  if (!session) throw new AppError("playground_session_not_found", { id });
  return session;
}

export async function updatePlaygroundSession(db: Db, { id, patch }: { id: string; patch: Partial<SessionInput> }) {
  const row = await db.playgroundSession.update({
    where: { id },
    data: {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.tab !== undefined ? { tab: patch.tab } : {}),
      ...(patch.instanceId !== undefined ? { instanceId: patch.instanceId } : {}),
      ...(patch.state !== undefined ? { stateJson: JSON.stringify(patch.state) } : {}),
    },
  });
  return toView(row);
}

export async function deletePlaygroundSession(db: Db, { id }: { id: string }): Promise<void> {
  await db.playgroundSession.delete({ where: { id } });
}
