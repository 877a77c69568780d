// A hub source as plain data, so that a download running in its own thread (download-thread.ts) can build the same
// HubSource the console chose (endpoint, token) without reaching back for the database.
import type { DownloadSource } from "../../lib/downloads";
import { huggingFaceSource } from "./huggingface-source";
import { modelScopeSource } from "./modelscope-source";
import type { HubSource } from "./remote-file";

export interface SourceSpec {
  kind: DownloadSource;
  endpoint: string;
  token: string | null;
  repo: string;
  revision: string;
  idleMs: number;
}

export function sourceFromSpec(spec: SourceSpec): HubSource {
  const { kind, ...options } = spec;
  return kind === "modelscope" ? modelScopeSource(options) : huggingFaceSource(options);
}
