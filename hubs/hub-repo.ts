import { createHash } from "node:crypto";

/** One file of a stand-in repository; `lfs` files carry a SHA-256 on Hugging Face, small ones a git blob SHA-1. */
export interface HubFile {
  path: string;
  content: Buffer;
  lfs?: boolean;
  /** The file is `content` this many times over: gigabytes for the bench without holding them (switches ignore it). */
  repeat?: number;
}

export interface HubRepo {
  /** `owner/name`, the same id on both hubs. */
  id: string;
  /** The branch both hubs answer for (`master` on ModelScope, `main` on Hugging Face; either works here). */
  commit: string;
  files: HubFile[];
  /** Gated (Hugging Face) or private (ModelScope): refused without the stand-in's token. */
  gated?: boolean;
}

/** What real networks do, switched on by a test; counters count down as they fire. */
export interface HubSwitches {
  /** The storage host answers 200 with the whole file whatever `Range` asks. */
  ignoreRange: boolean;
  /** Close the connection after this many body bytes, `dropTimes` times. */
  dropAfterBytes: number | null;
  dropTimes: number;
  /** Send this many bytes, then nothing more until the client gives up (`stallTimes` times). */
  stallAfterBytes: number | null;
  stallTimes: number;
  /** Flip one byte of the body, `flipTimes` times. */
  flipTimes: number;
  /** Answer 429 with `Retry-After: retryAfterS`, `tooManyTimes` times. */
  tooManyTimes: number;
  retryAfterS: number;
  /** Answer 503, `serverErrorTimes` times. */
  serverErrorTimes: number;
  /** A signed storage URL works once (a second GET is 403), as expiring signed URLs do. */
  singleUseUrls: boolean;
  /** Send each file body at about this many bytes a second (a slow link), instead of at once. */
  bytesPerSecond: number | null;
  /** All file bodies together leave at about this many bytes a second: one link that every connection shares. */
  linkBytesPerSecond: number | null;
}

export const NO_SWITCHES: HubSwitches = {
  ignoreRange: false,
  dropAfterBytes: null,
  dropTimes: 0,
  stallAfterBytes: null,
  stallTimes: 0,
  flipTimes: 0,
  tooManyTimes: 0,
  retryAfterS: 1,
  serverErrorTimes: 0,
  singleUseUrls: false,
  bytesPerSecond: null,
  linkBytesPerSecond: null,
};

export const sizeOf = (file: HubFile): number => file.content.length * (file.repeat ?? 1);

const digests = new WeakMap<HubFile, string>();

/** The file's SHA-256, computed once. */
export function sha256Of(file: HubFile): string {
  let digest = digests.get(file);
  if (!digest) {
    const hash = createHash("sha256");
    for (let i = 0; i < (file.repeat ?? 1); i++) hash.update(file.content);
    digest = hash.digest("hex");
    digests.set(file, digest);
  }
  return digest;
}

/** git's object id of a blob: SHA-1 over `blob <size>\0` and the content. */
export const gitBlobSha1Of = (content: Buffer): string =>
  createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");

export function findRepo(repos: readonly HubRepo[], id: string): HubRepo | undefined {
  return repos.find((repo) => repo.id === id);
}
