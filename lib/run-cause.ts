import { translator } from "./i18n/translate";
import { causeTitleKey } from "./run-cause-key";
import { stripAnsi } from "./sglang-log/line";

const english = translator("en");

/** A run's cause in English (the API's causeTitle, logs), from the same catalogue entry the pages read. */
export function causeTitle(cause: string): string {
  const key = causeTitleKey(cause);
  return key ? english(key) : cause;
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
