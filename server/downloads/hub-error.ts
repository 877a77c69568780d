// What a hub answered, in words a person can act on: the host and what to change.

export class HubRequestError extends Error {
  constructor(
    readonly host: string,
    readonly status: number | null,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "HubRequestError";
  }
}

export function hubStatusError(host: string, status: number, headers: Headers, what: { repo: string; revision: string }): HubRequestError {
  const code = headers.get("x-error-code");
  const retryAfterS = Number(headers.get("retry-after"));
  if (status === 429) return new HubRequestError(host, status, `${host} asked to slow down (429)`, true, Number.isFinite(retryAfterS) && retryAfterS > 0 ? retryAfterS * 1000 : null);
  if (status >= 500) return new HubRequestError(host, status, `${host} failed (${status}); retrying`, true);
  if (code === "GatedRepo") return new HubRequestError(host, status, `${what.repo} is gated on ${host}: accept its terms on the repository's page there, then set HF_TOKEN to a token of that account`, false);
  if (status === 401 && code !== "RepoNotFound") return new HubRequestError(host, status, `${host} refused the request (401): set HF_TOKEN or MODELSCOPE_API_TOKEN to a token that may read ${what.repo}`, false);
  if (status === 404 || code === "RepoNotFound" || code === "RevisionNotFound") return new HubRequestError(host, status, `${host} has no repository ${what.repo} at revision ${what.revision}: check the id and the revision`, false);
  // A signed URL that expired or was used: the next attempt asks the hub for a fresh one.
  if (status === 403) return new HubRequestError(host, status, `${host} refused the download URL (403); asking the hub for a fresh one`, true);
  return new HubRequestError(host, status, `${host} answered ${status}`, false);
}

export const unreachable = (host: string, cause: unknown): HubRequestError =>
  new HubRequestError(host, null, `cannot reach ${host} (${cause instanceof Error ? cause.message : String(cause)}): check the network, HF_ENDPOINT / MODELSCOPE_ENDPOINT`, true);
