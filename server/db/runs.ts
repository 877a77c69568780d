import type { Db } from "./client";

export interface RunRecord {
  id: string;
  instanceId: string;
  program: string;
  argvJson: string;
  envJson: string;
  pid: number | null;
  pgid: number | null;
  port: number;
  phase: string;
  stage: string | null;
  cause: string | null;
  causeDetail: string | null;
  causeDetailJson: string | null;
  exitCode: number | null;
  signal: string | null;
  logPath: string;
  startedBy: string;
  stopRequested: boolean;
  attempt: number;
  profileJson: string;
  startedAt: Date;
  readyAt: Date | null;
  endedAt: Date | null;
}

export type RunUpdate = Partial<Omit<RunRecord, "id" | "instanceId">>;

export function createRun(
  db: Db,
  data: Pick<RunRecord, "id" | "instanceId" | "program" | "argvJson" | "envJson" | "port" | "phase" | "logPath" | "startedBy" | "attempt" | "profileJson">,
): Promise<RunRecord> {
  return db.run.create({ data });
}

export function updateRun(db: Db, { id, ...data }: RunUpdate & { id: string }): Promise<RunRecord> {
  return db.run.update({ where: { id }, data });
}

export function findLatestRun(db: Db, { instanceId }: { instanceId: string }): Promise<RunRecord | null> {
  return db.run.findFirst({ where: { instanceId }, orderBy: { startedAt: "desc" } });
}

export function listRuns(db: Db, { instanceId }: { instanceId: string }): Promise<RunRecord[]> {
  return db.run.findMany({ where: { instanceId }, orderBy: { startedAt: "desc" } });
}

export function findRun(db: Db, { id }: { id: string }): Promise<RunRecord | null> {
  return db.run.findUnique({ where: { id } });
}
