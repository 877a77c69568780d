import { stripAnsi } from "./sglang-log/line";
import { CAUSE_TITLES, isFailureCause } from "./sglang-log/causes";

// Causes the supervisor itself establishes, beside those the log classifier reads from SGLang's output.
const SUPERVISOR_CAUSE_TITLES: Record<string, string> = {
  ready_timeout: "The server never became ready",
  console_restart: "The console restarted while the server ran",
  unresponsive: "The server stopped answering",
};

export function causeTitle(cause: string): string {
  if (isFailureCause(cause)) return CAUSE_TITLES[cause];
  return SUPERVISOR_CAUSE_TITLES[cause] ?? cause;
}

/** The last `count` lines of terminal output as a person saw them: colours removed, bars at their last redraw. */
export function lastLines(output: string, count: number): string[] {
  const lines = stripAnsi(output)
    .split("\n")
    .map((line) => (line.split("\r").filter((part) => part.trim() !== "").pop() ?? "").trimEnd())
    .filter((line) => line !== "");
  return lines.slice(-count);
}

/** Why a ready instance counts as unresponsive, with the end of its log. */
export function unresponsiveDetail(failures: number, lastFailure: string, tail: string[]): string {
  const head = `GET /health_generate, which must generate a token, failed ${failures} times in a row (last: ${lastFailure}).`;
  return tail.length > 0 ? `${head} Last lines of its log:\n${tail.join("\n")}` : `${head} Its log is silent.`;
}
