import { renderCauseDetail, type CauseDetail } from "./cause-detail";
import { joinSentences } from "./i18n/format";
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

/** A cause's detail in English (the API's causeDetail, the logs, Run.causeDetail); null when there is nothing to say. */
export function describeCauseDetail(detail: CauseDetail): string | null {
  return renderCauseDetail(detail, english, (sentences) => joinSentences(sentences, "en"));
}
