// Model downloads as the API and the Models page see them: the request, the states, the view.
import { z } from "zod";
import { says } from "./schema-text";

export const DOWNLOAD_SOURCES = ["modelscope", "huggingface"] as const;
export type DownloadSource = (typeof DOWNLOAD_SOURCES)[number];
export const DOWNLOAD_STATES = ["queued", "downloading", "paused", "verifying", "done", "failed", "cancelled"] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];
/** Where files land: ModelScope's cache, Hugging Face's plain `local_dir` folder, or Hugging Face's hub cache. */
export const DOWNLOAD_LAYOUTS = ["modelscope", "local_dir", "hub_cache"] as const;
export type DownloadLayoutKind = (typeof DOWNLOAD_LAYOUTS)[number];
/** States a job leaves only when someone acts (resume) or never. */
export const SETTLED_STATES: readonly DownloadState[] = ["paused", "done", "failed", "cancelled"];

export const startDownloadSchema = z.object({
  source: z.enum(DOWNLOAD_SOURCES),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, says("repoId", "a repository id is owner/name, e.g. ZhipuAI/GLM-4.7-Flash")),
  revision: z.string().min(1).max(200).regex(/^[^/\s][^\s]*$/, says("revision", "a branch, tag or commit")).optional(),
  targetDir: z.string().min(1).optional(),
  include: z.array(z.string().min(1).max(200)).max(50).optional(),
  /** Hugging Face only: the hub cache (models--owner--name/blobs, snapshots, refs) instead of a plain folder. */
  hubCache: z.boolean().optional(),
});
export type StartDownload = z.infer<typeof startDownloadSchema>;

/** A hub token an administrator stores for downloads (`token: null` clears it). */
export const hubTokenChangeSchema = z.object({
  source: z.enum(DOWNLOAD_SOURCES),
  token: z
    .string()
    .trim()
    .min(8, says("hubTokenLength", "a hub token is longer than 8 characters"))
    .max(1024)
    .regex(/^[\x21-\x7e]+$/, says("hubTokenChars", "a hub token is printable characters without spaces"))
    .nullable(),
});
export type HubTokenChange = z.infer<typeof hubTokenChangeSchema>;

/** The variable each hub's token is read from when none is stored. */
export const HUB_TOKEN_ENV: Record<DownloadSource, string> = { huggingface: "HF_TOKEN", modelscope: "MODELSCOPE_API_TOKEN" };

/** What a page may know of a hub's token: whether one is stored (its last 4 characters at most) and which one downloads use. */
export interface HubTokenView {
  source: DownloadSource;
  stored: { last4: string; updatedAt: string } | null;
  /** Whether HF_TOKEN / MODELSCOPE_API_TOKEN is set in the console's environment. */
  inEnvironment: boolean;
  /** The stored token wins over the environment's. */
  using: "stored" | "environment" | "none";
}

export const tokenTail = (token: string): string => token.slice(-4);

export const cancelDownloadSchema = z.object({ deleteFiles: z.boolean().default(false) });

export interface FileInFlight {
  path: string;
  bytesDone: number;
  size: number;
  attempt: number;
}

export interface DownloadView {
  id: string;
  owner: string;
  source: DownloadSource;
  repo: string;
  revision: string;
  targetDir: string;
  include: string[];
  layout: DownloadLayoutKind;
  state: DownloadState;
  bytesDone: number;
  bytesTotal: number | null;
  filesDone: number;
  filesTotal: number | null;
  /** Bytes per second over the last few seconds; 0 when idle. */
  speed: number;
  inFlight: FileInFlight[];
  /** What went wrong, in words: the host and what to do. */
  error: string | null;
  /** The folder to pass as --model-path once done. */
  modelPath: string | null;
  createdAt: string;
}

/** What a download would fetch, answered before anything is fetched. */
export interface DownloadPreview {
  commit: string;
  files: { path: string; size: number }[];
  totalBytes: number;
  /** Free bytes on the filesystem that holds the target folder. */
  freeBytes: number;
  fits: boolean;
}

export const layoutFor = (input: { source: DownloadSource; hubCache?: boolean }): DownloadLayoutKind =>
  input.source === "modelscope" ? "modelscope" : input.hubCache ? "hub_cache" : "local_dir";

export const defaultRevision = (source: DownloadSource): string => (source === "modelscope" ? "master" : "main");
