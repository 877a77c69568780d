import { logBytes, readLogLayout } from "./log-files";
import { searchLog } from "./search-log";

/** What route handlers may do with a run's log file (through `getServices().runLogs`). */
export const runLogs = {
  /** The output between two byte offsets (all of it by default), parts in order, a note where parts were deleted. */
  bytes: logBytes,
  /** Bytes printed, parts on disk, deleted ranges. */
  layout: readLogLayout,
  search: searchLog,
};
export type RunLogs = typeof runLogs;
