// The file list, total size and free space of a download, before anything is fetched.
import fs from "node:fs/promises";
import path from "node:path";
import type { DownloadPreview } from "../../lib/downloads";
import { matchesAny } from "../../lib/file-patterns";
import { AppError } from "../../lib/errors";
import type { HubSource } from "./remote-file";

export async function previewDownload(options: { source: HubSource; targetDir: string; include: string[] }): Promise<DownloadPreview> {
  let listing;
  try {
    listing = await options.source.list(new AbortController().signal);
  } catch (error) {
    throw new AppError("download_hub_refused", { detail: error instanceof Error ? error.message : String(error) });
  }
  const files = listing.files.filter((file) => matchesAny(file.path, options.include)).map((file) => ({ path: file.path, size: file.size }));
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const freeBytes = await freeSpace(options.targetDir);
  return { commit: listing.commit, files, totalBytes, freeBytes, fits: totalBytes <= freeBytes };
}

/** Free bytes where `folder` is or would be created: its nearest existing ancestor's filesystem. */
async function freeSpace(folder: string): Promise<number> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const stats = await fs.statfs(dir).catch(() => null);
    if (stats) return stats.bavail * stats.bsize;
    if (dir === path.dirname(dir)) return 0;
  }
}
