/** A file of a hub repository as the listing describes it, with the digest it must have once fetched. */
export interface RemoteFile {
  path: string;
  size: number;
  /** sha256: ModelScope files and Hugging Face LFS files; git-sha1: Hugging Face's small files (git blob id). */
  digest: { kind: "sha256" | "git-sha1"; value: string };
  /** The commit the file belongs to, as ModelScope's listing gives it (recorded in its .msc index). */
  revision: string;
}

export interface RepoListing {
  commit: string;
  files: RemoteFile[];
  /** ModelScope's revision record, written to its .mv file. */
  createdAt?: number;
}

/** One hub, as the download engine needs it. Every call that fetches a file asks the hub afresh (signed URLs expire). */
export interface HubSource {
  host: string;
  list: (signal: AbortSignal) => Promise<RepoListing>;
  fileUrl: (file: RemoteFile, listing: RepoListing) => string;
  /** Headers for the hub's own host; never sent to a host a redirect leads to. */
  headers: Record<string, string>;
}
