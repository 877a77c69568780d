// Where a download's files go, so the tools that read them later find a finished download:
// - ModelScope: `cache_dir/owner/name` as modelscope ≤ 1.37's snapshot_download(cache_dir=...) writes it
//   (hub/file_download.py `create_temporary_directory_and_cache`, hub/utils/caching.py `ModelFileSystemCache`,
//   hub/snapshot_download.py): the folder with `.` masked as `___`, the plain name as a symlink to it when they
//   differ, and its metadata (.mdl: pickled {"id": "owner/masked"}; .msc: pickled [{"Path", "Revision"}];
//   .mv: "Revision:<rev>,CreatedAt:<ts>"); parts wait in `cache_dir/._____temp/owner/name`.
// - Hugging Face: a plain folder `target/owner/name`, like `local_dir`, parts under its `.cache/huggingface/download`;
//   or the hub cache (hub-cache-layout.ts).
import fs from "node:fs/promises";
import path from "node:path";
import type { DownloadLayoutKind } from "../../lib/downloads";
import { hubCacheLayout } from "./hub-cache-layout";
import { pickle } from "./pickle";
import type { RemoteFile, RepoListing } from "./remote-file";

export interface DownloadLayout {
  /** The folder to launch with (`--model-path`), once the listing says which commit it is. */
  modelPath: (listing: RepoListing) => string;
  finalPath: (file: RemoteFile) => string;
  partPath: (file: RemoteFile) => string;
  /** Writes what makes the download look finished to the hub's own client; runs once every file is in place. */
  finish: (listing: RepoListing, revision: string) => Promise<void>;
  /** Removes what was fetched (cancel with delete). */
  remove: () => Promise<void>;
}

export const MODELSCOPE_TEMP_FOLDER = "._____temp";

export function planLayout(kind: DownloadLayoutKind, targetDir: string, repo: string): DownloadLayout {
  const [owner, name] = repo.split("/") as [string, string];
  if (kind === "modelscope") return modelScopeLayout(targetDir, owner, name);
  return kind === "hub_cache" ? hubCacheLayout(targetDir, owner, name) : localDirLayout(targetDir, owner, name);
}

function modelScopeLayout(cacheDir: string, owner: string, name: string): DownloadLayout {
  const masked = name.replace(/\./g, "___");
  const folder = path.join(cacheDir, owner, masked);
  const plain = path.join(cacheDir, owner, name);
  const temp = path.join(cacheDir, MODELSCOPE_TEMP_FOLDER, owner, name);
  return {
    modelPath: () => plain,
    finalPath: (file) => path.join(folder, file.path),
    partPath: (file) => path.join(temp, `${file.path}.part`),
    finish: async (listing, revision) => {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, ".mdl"), pickle({ id: `${owner}/${masked}` }));
      await fs.writeFile(path.join(folder, ".msc"), pickle(listing.files.map((file) => ({ Path: file.path, Revision: file.revision }))));
      await fs.writeFile(path.join(folder, ".mv"), `Revision:${revision},CreatedAt:${listing.createdAt ?? 0}`);
      if (masked !== name && !(await exists(plain))) await fs.symlink(path.resolve(folder), plain, "dir");
      await fs.rm(temp, { recursive: true, force: true });
    },
    remove: async () => {
      await fs.rm(folder, { recursive: true, force: true });
      if (masked !== name) await fs.rm(plain, { force: true });
      await fs.rm(temp, { recursive: true, force: true });
    },
  };
}

function localDirLayout(targetDir: string, owner: string, name: string): DownloadLayout {
  const folder = path.join(targetDir, owner, name);
  const temp = path.join(folder, ".cache", "huggingface", "download");
  return {
    modelPath: () => folder,
    finalPath: (file) => path.join(folder, file.path),
    partPath: (file) => path.join(temp, `${file.path}.part`),
    finish: async () => {
      await fs.rm(temp, { recursive: true, force: true });
    },
    remove: async () => {
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}

async function exists(target: string): Promise<boolean> {
  return fs.lstat(target).then(() => true, () => false);
}
