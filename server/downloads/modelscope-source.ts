// ModelScope as modelscope 1.37's snapshot_download reads it (hub/api.py `get_valid_revision_detail`,
// `get_model_files`; hub/file_download.py `get_file_download_url`). The endpoint is MODELSCOPE_ENDPOINT (a whole URL,
// as the newer client reads it), else https:// + MODELSCOPE_DOMAIN (as older clients read it), else www.modelscope.cn.
import { hubJson } from "./hub-http";
import { HubRequestError } from "./hub-error";
import type { HubSource, RepoListing } from "./remote-file";

interface Envelope<T> {
  Code?: number;
  Success?: boolean;
  Message?: string;
  Data: T;
}
interface RevisionDetail {
  Revision: string;
  CommitId?: string;
  CreatedAt?: number;
}
interface MsFile {
  Path: string;
  Type: string;
  Size: number;
  Sha256: string | null;
  Revision: string;
  Name: string;
}

export function modelScopeEndpoint(env: { MODELSCOPE_ENDPOINT?: string; MODELSCOPE_DOMAIN?: string }): string {
  if (env.MODELSCOPE_ENDPOINT) return env.MODELSCOPE_ENDPOINT.replace(/\/+$/, "");
  if (env.MODELSCOPE_DOMAIN) return `https://${env.MODELSCOPE_DOMAIN.replace(/\/+$/, "")}`;
  return "https://www.modelscope.cn";
}

export function modelScopeSource(options: { endpoint: string; token: string | null; repo: string; revision: string; idleMs: number }): HubSource {
  const host = new URL(options.endpoint).host;
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const what = { repo: options.repo, revision: options.revision };
  const get = async <T>(apiPath: string, signal: AbortSignal): Promise<T> => {
    const { body } = await hubJson<Envelope<T>>({ url: `${options.endpoint}/api/v1/models/${options.repo}${apiPath}`, headers, credentialsHost: host, signal, idleMs: options.idleMs, what });
    if (body.Code !== undefined && body.Code !== 200) throw new HubRequestError(host, null, `${host}: ${body.Message ?? "the request failed"}`, false);
    return body.Data;
  };
  return {
    host,
    headers,
    list: async (signal): Promise<RepoListing> => {
      const revisions = await get<{ RevisionMap: { Branches: RevisionDetail[] | null; Tags: RevisionDetail[] | null } }>("/revisions", signal);
      const known = [...(revisions.RevisionMap.Tags ?? []), ...(revisions.RevisionMap.Branches ?? [])];
      const detail = known.find((entry) => entry.Revision === options.revision);
      if (!detail) throw new HubRequestError(host, 404, `${host} has no revision ${options.revision} of ${options.repo}: pick one of ${known.map((e) => e.Revision).join(", ") || "its branches"}`, false);
      const listing = await get<{ Files: MsFile[] | null }>(`/repo/files?Revision=${encodeURIComponent(options.revision)}&Recursive=True`, signal);
      const files = (listing.Files ?? [])
        .filter((file) => file.Type !== "tree" && file.Name !== ".gitignore" && file.Name !== ".gitattributes")
        .map((file) => ({ path: file.Path, size: file.Size, digest: { kind: "sha256" as const, value: file.Sha256 ?? "" }, revision: file.Revision }));
      return { commit: detail.CommitId ?? detail.Revision, files, createdAt: detail.CreatedAt };
    },
    fileUrl: (file) =>
      `${options.endpoint}/api/v1/models/${options.repo}/repo?Revision=${encodeURIComponent(options.revision)}&FilePath=${encodeURIComponent(file.path)}`,
  };
}
