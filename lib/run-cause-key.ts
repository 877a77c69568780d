// Where a run's cause is worded, without the words themselves, so pages can import it.
import { isFailureCause } from "./sglang-log/failure-causes";

/** Causes the supervisor itself establishes, beside those the log classifier reads from SGLang's output. */
export const SUPERVISOR_CAUSES = ["ready_timeout", "console_restart", "unresponsive"] as const;

/**
 * A run's cause title as a key from the catalogues' root: the supervisor's own causes in `phases.supervisorCause`,
 * the log classifier's in `diagnose.causes`; null for a code neither knows.
 */
export function causeTitleKey(cause: string): string | null {
  if ((SUPERVISOR_CAUSES as readonly string[]).includes(cause)) return `phases.supervisorCause.${cause}`;
  if (isFailureCause(cause)) return `diagnose.causes.${cause}`;
  return null;
}
