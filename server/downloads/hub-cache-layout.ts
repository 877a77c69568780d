// Hugging Face's hub cache, as huggingface_hub's file_download.py writes it (`hf_hub_download` without local_dir):
// `models--owner--name/blobs/<etag>` (the LFS SHA-256 or the git blob id), `snapshots/<commit>/<path>` as relative
// symlinks to the blobs, `refs/<revision>` holding the commit; a blob in progress is `blobs/<etag>.incomplete`.
import fs from "node:fs/promises";
import path from "node:path";
import type { DownloadLayout } from "./layouts";

export function hubCacheLayout(cacheDir: string, owner: string, name: string): DownloadLayout {
  const storage = path.join(cacheDir, `models--${owner}--${name}`);
  const blob = (etag: string) => path.join(storage, "blobs", etag);
  const snapshot = (commit: string) => path.join(storage, "snapshots", commit);
  return {
    modelPath: (listing) => snapshot(listing.commit),
    finalPath: (file) => blob(file.digest.value),
    partPath: (file) => `${blob(file.digest.value)}.incomplete`,
    finish: async (listing, revision) => {
      for (const file of listing.files) {
        const link = path.join(snapshot(listing.commit), file.path);
        await fs.mkdir(path.dirname(link), { recursive: true });
        await fs.rm(link, { force: true });
        await fs.symlink(path.relative(path.dirname(link), blob(file.digest.value)), link);
      }
      if (revision !== listing.commit) {
        await fs.mkdir(path.join(storage, "refs"), { recursive: true });
        await fs.writeFile(path.join(storage, "refs", revision), listing.commit);
      }
    },
    remove: async () => {
      await fs.rm(storage, { recursive: true, force: true });
    },
  };
}
