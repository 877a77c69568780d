import { CAUSE_TITLES, isFailureCause } from "./sglang-log/causes";

// Causes the supervisor itself establishes, beside those the log classifier reads from SGLang's output.
const SUPERVISOR_CAUSE_TITLES: Record<string, string> = {
  ready_timeout: "The server never became ready",
  console_restart: "The console restarted while the server ran",
};

export function causeTitle(cause: string): string {
  if (isFailureCause(cause)) return CAUSE_TITLES[cause];
  return SUPERVISOR_CAUSE_TITLES[cause] ?? cause;
}
