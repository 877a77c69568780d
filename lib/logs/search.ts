import { z } from "zod";
import { LOG_LEVELS } from "./line-filter";

/** Query of `GET /api/instances/[id]/runs/[runId]/search`. */
export const logSearchQuerySchema = z.object({
  q: z.string().max(500).default(""),
  regex: z.enum(["0", "1"]).default("0"),
  level: z.enum(LOG_LEVELS).or(z.literal("")).default(""),
  rank: z.union([z.literal(""), z.coerce.number().int().min(0).max(1023)]).default(""),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type LogSearchQuery = z.infer<typeof logSearchQuerySchema>;

export interface LogSearchHit {
  /** 0-based line number in the run's log (counted in the kept parts). */
  line: number;
  /** Byte offset of the line's start in the run's whole output. */
  offset: number;
  /** The line without colours, as a terminal shows it, cut to a readable length. */
  text: string;
}

export interface LogSearchResult {
  hits: LogSearchHit[];
  /** Matching lines in all (more than `hits` when the limit was reached). */
  total: number;
  truncated: boolean;
  /** The search stopped at its time budget before the end of the log. */
  timedOut: boolean;
  scannedBytes: number;
  lines: number;
}

/** Query of `GET /api/instances/[id]/runs/[runId]/log`: a byte range of the run's output (both optional). */
export const logRangeQuerySchema = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});
