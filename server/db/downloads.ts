import type { DownloadLayoutKind, DownloadSource, DownloadState, DownloadView } from "../../lib/downloads";
import type { Download } from "../generated/prisma/client";
import type { Db } from "./client";

export type DownloadRow = Download;

export function createDownload(db: Db, input: { id: string; owner: string; source: DownloadSource; repo: string; revision: string; targetDir: string; include: string[]; layout: DownloadLayoutKind }): Promise<DownloadRow> {
  const { include, ...rest } = input;
  return db.download.create({ data: { ...rest, includeJson: JSON.stringify(include), state: "queued" } });
}

export function findDownload(db: Db, { id }: { id: string }): Promise<DownloadRow | null> {
  return db.download.findUnique({ where: { id } });
}

export function listDownloads(db: Db): Promise<DownloadRow[]> {
  return db.download.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
}

/** Jobs that were running when the console stopped (even by kill -9): they start again. */
export function listUnfinishedDownloads(db: Db): Promise<DownloadRow[]> {
  return db.download.findMany({ where: { state: { in: ["queued", "downloading", "verifying"] } }, orderBy: { createdAt: "asc" } });
}

export function updateDownload(
  db: Db,
  { id, changes }: { id: string; changes: Partial<Pick<DownloadRow, "bytesTotal" | "bytesDone" | "filesTotal" | "filesDone" | "error" | "modelPath">> & { state?: DownloadState } },
): Promise<DownloadRow> {
  return db.download.update({ where: { id }, data: changes });
}

export function downloadRowToView(row: DownloadRow): DownloadView {
  return {
    id: row.id,
    owner: row.owner,
    source: row.source as DownloadSource,
    repo: row.repo,
    revision: row.revision,
    targetDir: row.targetDir,
    include: JSON.parse(row.includeJson) as string[],
    layout: row.layout as DownloadLayoutKind,
    state: row.state as DownloadState,
    bytesDone: row.bytesDone,
    bytesTotal: row.bytesTotal,
    filesDone: row.filesDone,
    filesTotal: row.filesTotal,
    speed: 0,
    inFlight: [],
    error: row.error,
    modelPath: row.modelPath,
    createdAt: row.createdAt.toISOString(),
  };
}
