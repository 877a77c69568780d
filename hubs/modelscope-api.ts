// ModelScope's hub API as modelscope 1.37's client calls it (modelscope/modelscope v1.37.1):
// - hub/api.py `get_model_branches_and_tags_details`: GET /api/v1/models/{id}/revisions → Data.RevisionMap.{Branches,Tags}
// - hub/api.py `get_model_files`: GET /api/v1/models/{id}/repo/files?Revision=..&Recursive=True → Data.Files
//   with Name, Path, Type ("blob" | "tree"), Size, Sha256 (constants.py FILE_HASH) and Revision (the commit)
// - hub/file_download.py `get_file_download_url`: GET /api/v1/models/{id}/repo?Revision=..&FilePath=.. (redirected
//   here to the storage host, which honours Range as `http_get_model_file` asks)
// Every JSON answer has the envelope errors.py `raise_on_error` checks: Code, Success, Message, Data.
import type http from "node:http";
import { findRepo, sha256Of, sizeOf, type HubRepo } from "./hub-repo";
import type { StorageHost } from "./storage-host";

const CREATED_AT = 1764748800;

export function answerModelScope(req: http.IncomingMessage, res: http.ServerResponse, url: URL, hub: { repos: HubRepo[]; token: string; storage: StorageHost }): boolean {
  const match = /^\/api\/v1\/models\/([^/]+\/[^/]+?)(\/revisions|\/repo\/files|\/repo)?$/.exec(url.pathname);
  if (!match) return false;
  const repo = findRepo(hub.repos, decodeURIComponent(match[1]!));
  if (!repo) return json(res, 404, { Code: 10010205001, Success: false, Message: `model ${match[1]} not found` }), true;
  if (repo.gated && req.headers.authorization !== `Bearer ${hub.token}`) {
    return json(res, 401, { Code: 10010205002, Success: false, Message: "private model: sign in with an access token" }), true;
  }
  const revision = url.searchParams.get("Revision") ?? "master";
  if (match[2] && match[2] !== "/revisions" && revision !== "master" && revision !== repo.commit) {
    return json(res, 404, { Code: 10010205001, Success: false, Message: `revision ${revision} not found` }), true;
  }
  switch (match[2]) {
    case undefined:
      return ok(res, { Id: repo.id, Name: repo.id.split("/")[1], Path: repo.id.split("/")[0] }), true;
    case "/revisions":
      return ok(res, { RevisionMap: { Branches: [{ Revision: "master", CommitId: repo.commit, CreatedAt: CREATED_AT }], Tags: [] } }), true;
    case "/repo/files":
      return ok(res, { Files: repo.files.map((file) => ({ Name: file.path.split("/").pop(), Path: file.path, Type: "blob", Size: sizeOf(file), Sha256: sha256Of(file), Revision: repo.commit })) }), true;
    default: {
      const file = repo.files.find((candidate) => candidate.path === url.searchParams.get("FilePath"));
      if (!file) return json(res, 404, { Code: 10010205001, Success: false, Message: "file not found" }), true;
      res.writeHead(302, { Location: hub.storage.sign(file) }).end();
      return true;
    }
  }
}

function ok(res: http.ServerResponse, data: unknown): void {
  json(res, 200, { Code: 200, Success: true, Message: "success", Data: data });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}
