// The Hugging Face Hub as huggingface_hub reads it (hf_api.py `repo_info`, `list_repo_tree` with
// utils/_pagination.py; file_download.py `hf_hub_url`). The endpoint is HF_ENDPOINT (mirrors such as hf-mirror.com).
import { hubJson } from "./hub-http";
import type { HubSource, RemoteFile, RepoListing } from "./remote-file";

interface TreeEntry {
  type: "file" | "directory";
  path: string;
  size: number;
  oid: string;
  lfs?: { oid: string; size: number };
}

export const huggingFaceEndpoint = (env: { HF_ENDPOINT?: string }): string => (env.HF_ENDPOINT ?? "https://huggingface.co").replace(/\/+$/, "");

export function huggingFaceSource(options: { endpoint: string; token: string | null; repo: string; revision: string; idleMs: number }): HubSource {
  const host = new URL(options.endpoint).host;
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const what = { repo: options.repo, revision: options.revision };
  const request = (url: string, signal: AbortSignal) => ({ url, headers, credentialsHost: host, signal, idleMs: options.idleMs, what });
  return {
    host,
    headers,
    list: async (signal): Promise<RepoListing> => {
      const info = await hubJson<{ sha: string }>(request(`${options.endpoint}/api/models/${options.repo}/revision/${encodeURIComponent(options.revision)}`, signal));
      const files: RemoteFile[] = [];
      let next: string | null = `${options.endpoint}/api/models/${options.repo}/tree/${info.body.sha}?recursive=true&expand=false`;
      while (next) {
        const page: { body: TreeEntry[]; headers: Headers } = await hubJson<TreeEntry[]>(request(next, signal));
        for (const entry of page.body) {
          if (entry.type !== "file") continue;
          const digest = entry.lfs ? { kind: "sha256" as const, value: entry.lfs.oid } : { kind: "git-sha1" as const, value: entry.oid };
          files.push({ path: entry.path, size: entry.size, digest, revision: info.body.sha });
        }
        next = nextPage(page.headers.get("link"), next);
      }
      return { commit: info.body.sha, files };
    },
    fileUrl: (file, listing) => `${options.endpoint}/${options.repo}/resolve/${listing.commit}/${file.path.split("/").map(encodeURIComponent).join("/")}`,
  };
}

/** The `rel="next"` target of a Link header, as requests' `response.links` reads it. */
function nextPage(link: string | null, base: string): string | null {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match ? new URL(match[1]!, base).href : null;
}
