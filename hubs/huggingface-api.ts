// The Hugging Face Hub as huggingface_hub calls it (huggingface/huggingface_hub, ee0a451):
// - hf_api.py `repo_info`/`model_info`: GET /api/models/{repo}/revision/{rev} → { id, sha, siblings }
// - hf_api.py `list_repo_tree` with utils/_pagination.py: GET /api/models/{repo}/tree/{rev}?recursive=true, pages
//   linked by `Link: <...>; rel="next"`; entries { type, path, size, oid, lfs?: { oid, size, pointerSize } }
// - file_download.py `get_hf_file_metadata` / `http_get`: HEAD and GET /{repo}/resolve/{rev}/{path} answer
//   X-Repo-Commit, ETag (git blob id) or X-Linked-Etag + X-Linked-Size (the LFS SHA-256) and, for LFS files,
//   a redirect to another host
// - utils/_http.py `hf_raise_for_status`: errors carry X-Error-Code (GatedRepo, RepoNotFound, RevisionNotFound)
import type http from "node:http";
import { findRepo, gitBlobSha1Of, sha256Of, sizeOf, type HubFile, type HubRepo } from "./hub-repo";
import type { StorageHost } from "./storage-host";

const PAGE_SIZE = 2;

export function answerHuggingFace(req: http.IncomingMessage, res: http.ServerResponse, url: URL, hub: { repos: HubRepo[]; token: string; storage: StorageHost; url: string }): boolean {
  const api = /^\/api\/models\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)$/.exec(url.pathname);
  const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
  const match = api ?? resolve;
  if (!match) return false;
  const repo = findRepo(hub.repos, decodeURIComponent(match[1]!));
  if (!repo) return refuse(res, 401, "RepoNotFound", "Repository not found");
  if (repo.gated && req.headers.authorization !== `Bearer ${hub.token}`) {
    return refuse(res, 403, "GatedRepo", `Access to model ${repo.id} is restricted. You must have access to it and be authenticated to access it.`);
  }
  const revision = decodeURIComponent(api ? api[3]! : resolve![2]!);
  if (revision !== "main" && revision !== repo.commit) return refuse(res, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
  res.setHeader("X-Repo-Commit", repo.commit);
  if (api?.[2] === "revision") return json(res, { id: repo.id, sha: repo.commit, gated: repo.gated ? "manual" : false, siblings: repo.files.map((f) => ({ rfilename: f.path })) });
  if (api) return listTree(res, url, repo, hub.url);
  const file = repo.files.find((candidate) => candidate.path === decodeURIComponent(resolve![3]!));
  if (!file) return refuse(res, 404, "EntryNotFound", "Entry not found");
  if (file.lfs) {
    res.writeHead(302, { Location: hub.storage.sign(file), "X-Linked-Etag": `"${sha256Of(file)}"`, "X-Linked-Size": String(sizeOf(file)), ETag: `"${sha256Of(file)}"` });
    res.end();
    return true;
  }
  res.writeHead(200, { ETag: `"${gitBlobSha1Of(file.content)}"`, "Content-Length": String(file.content.length), "Content-Type": "application/octet-stream" });
  res.end(req.method === "HEAD" ? undefined : file.content);
  return true;
}

function listTree(res: http.ServerResponse, url: URL, repo: HubRepo, base: string): boolean {
  const cursor = Number(url.searchParams.get("cursor") ?? 0);
  const page = repo.files.slice(cursor, cursor + PAGE_SIZE).map(treeEntry);
  if (cursor + PAGE_SIZE < repo.files.length) {
    const next = new URL(url.pathname, base);
    next.search = url.search;
    next.searchParams.set("cursor", String(cursor + PAGE_SIZE));
    res.setHeader("Link", `<${next.href}>; rel="next"`);
  }
  return json(res, page);
}

function treeEntry(file: HubFile) {
  const oid = gitBlobSha1Of(file.lfs ? Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256Of(file)}\nsize ${sizeOf(file)}\n`) : file.content);
  return {
    type: "file",
    path: file.path,
    size: sizeOf(file),
    oid,
    ...(file.lfs ? { lfs: { oid: sha256Of(file), size: sizeOf(file), pointerSize: 134 } } : {}),
  };
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): boolean {
  res.writeHead(status, { "Content-Type": "application/json", "X-Error-Code": code, "X-Error-Message": message }).end(JSON.stringify({ error: message }));
  return true;
}

function json(res: http.ServerResponse, body: unknown): boolean {
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  return true;
}
