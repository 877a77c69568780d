import type { Db } from "./client";

export interface InstanceRecord {
  id: string;
  name: string;
  owner: string;
  profileJson: string;
  simulated: boolean;
  host: string;
  port: number;
  supervisionJson: string;
  createdAt: Date;
}

export function createInstance(db: Db, data: Omit<InstanceRecord, "createdAt">): Promise<InstanceRecord> {
  return db.instance.create({ data });
}

export function listInstances(db: Db): Promise<InstanceRecord[]> {
  return db.instance.findMany({ orderBy: { createdAt: "asc" } });
}

export async function deleteInstance(db: Db, { id }: { id: string }): Promise<void> {
  await db.instance.delete({ where: { id } });
}
