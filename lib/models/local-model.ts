import type { ScannedModel } from "./scanned-model";

/** A model folder as the Models page shows it: the scan, and the active instances that use it. */
export interface LocalModel extends ScannedModel {
  usedBy: { id: string; name: string }[];
}
