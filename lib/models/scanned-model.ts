// What the console tells the launch page about a model folder it found under MODELS_DIR.
import type { ModelConfigSummary } from "./model-config";

export interface ScannedModel {
  /** Absolute folder path: what goes into --model-path. */
  path: string;
  /** The path below its MODELS_DIR entry, e.g. "zai-org/GLM-4.7-Flash". */
  name: string;
  /** The MODELS_DIR entry it was found under. */
  root: string;
  summary: ModelConfigSummary;
  /** Every file in the folder, symlinks followed (Hugging Face caches link to blobs). */
  sizeBytes: number;
  /** Weights: the index's total_size, else the size of the weight files. */
  weightsBytes: number | null;
  /** Shards listed by the weights index and how many of them exist; null without an index. */
  shards: { listed: number; present: number } | null;
  /** config.json could not be read as JSON. */
  configError: string | null;
}
