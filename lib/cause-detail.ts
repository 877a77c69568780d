// What the supervisor knows about why a run ended or stopped answering, as structure: the instance page words it in
// the reader's language (messages instances.causeDetail.*), the API and logs in English (lib/run-cause.ts), from
// the same catalogue entries. SGLang's own lines (a key line, the log's tail) stay exactly as SGLang printed them.
// Stored in Run.causeDetailJson beside the English Run.causeDetail; rows from before it have only the English.
import { causeTitleKey } from "./run-cause-key";

/** What the failed liveness check met. */
export type LivenessFailure = { kind: "status"; status: number } | { kind: "timeout"; seconds: number } | { kind: "refused" } | { kind: "error"; message: string };

export type CauseEvent =
  /** The log line that names the cause, as SGLang printed it. */
  | { kind: "log_line"; line: string }
  /** The log classifier named a cause but no line: its title. */
  | { kind: "cause_title"; cause: string }
  /** The output names no cause: how the process ended. */
  | { kind: "no_cause"; exitCode: number | null; signal: string | null }
  | { kind: "ready_timeout"; seconds: number }
  | { kind: "unresponsive"; failures: number; last: LivenessFailure; tail: string[] };

export interface CauseDetail {
  event: CauseEvent | null;
  /** Found at start-up: the run ended while the console was down; `leftovers` processes of its tree were stopped. */
  endedWhileDown?: { leftovers: number };
}

/** A translator over every namespace ("instances.causeDetail.readyTimeout"). */
export type RootTranslate = (key: string, values?: Record<string, string | number>) => string;

const K = "instances.causeDetail";

function lastCheck(last: LivenessFailure, t: RootTranslate): string {
  switch (last.kind) {
    case "status":
      return t(`${K}.last.status`, { status: last.status });
    case "timeout":
      return t(`${K}.last.timeout`, { seconds: last.seconds });
    case "refused":
      return t(`${K}.last.refused`);
    case "error":
      return last.message;
  }
}

function eventText(event: CauseEvent, t: RootTranslate, join: (sentences: string[]) => string): string {
  switch (event.kind) {
    case "log_line":
      return event.line;
    case "cause_title": {
      const key = causeTitleKey(event.cause);
      return key ? t(key) : event.cause;
    }
    case "no_cause":
      return t(`${K}.noCause`, { how: event.signal ? "signal" : event.exitCode !== null ? "code" : "ended", signal: event.signal ?? "", exitCode: String(event.exitCode) });
    case "ready_timeout":
      return t(`${K}.readyTimeout`, { seconds: event.seconds });
    case "unresponsive": {
      const head = t(`${K}.unresponsive`, { failures: event.failures, last: lastCheck(event.last, t) });
      return event.tail.length > 0 ? `${join([head, t(`${K}.tail`)])}\n${event.tail.join("\n")}` : join([head, t(`${K}.silent`)]);
    }
  }
}

/** The detail in the language of `t`; `join` puts sentences together as that language does. Null: nothing to say. */
export function renderCauseDetail(detail: CauseDetail, t: RootTranslate, join: (sentences: string[]) => string): string | null {
  const event = detail.event ? eventText(detail.event, t, join) : null;
  const leftovers = detail.endedWhileDown?.leftovers ?? 0;
  const note = leftovers > 0 ? t(`${K}.leftovers`, { count: leftovers }) : null;
  if (!detail.endedWhileDown) return event;
  if (event === null) return note;
  return join([t(`${K}.endedWhileDown`), event, ...(note ? [note] : [])]);
}

/** A stored Run.causeDetailJson; null for rows from before it existed (they have only the English text) or unreadable ones. */
export function parseCauseDetail(json: string | null): CauseDetail | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === "object" && value !== null && "event" in value ? (value as CauseDetail) : null;
  } catch {
    return null;
  }
}
