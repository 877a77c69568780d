// Text a person reads, as a message key and its parameters rather than as English: the launch page renders it
// in the reader's language (messages/<locale>/launch.json), while the English `message` beside it stays for the
// API, scripts and logs. A parameter may itself be a LocalText (a range, a reason), rendered first.

export type TextParam = string | number | LocalText;
export type TextParams = { [name: string]: TextParam };

export interface LocalText {
  /** A key of the namespace it is rendered with: "launch" for the launch page ("issues.ep_divides_tp"), "validation" for schema problems. */
  key: string;
  params?: TextParams;
}

export const localText = (key: string, params?: TextParams): LocalText => (params ? { key, params } : { key });

function isLocalText(value: TextParam): value is LocalText {
  return typeof value === "object" && value !== null && typeof value.key === "string";
}

export type TranslateFn = (key: string, values?: Record<string, string | number>) => string;

/** `text` in the language of `t` (a translator of the "launch" namespace), nested texts first. */
export function renderLocalText(text: LocalText, t: TranslateFn): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) values[name] = isLocalText(value) ? renderLocalText(value, t) : value;
  return t(text.key, values);
}

/** An issue's message key: launch.issues.<code>. */
export const issueKey = (code: string) => `issues.${code}`;

/** Anything the launch page reports: a validation issue, a pasted command's note, a free-text field's problem. */
export interface ReportedText {
  code?: string;
  message: string;
  params?: TextParams;
}

/** A catalogue message's ICU source by key, undefined when there is none (to tell whether an issue can be worded). */
export type RawMessage = (key: string) => string | undefined;

/**
 * An issue in the language of `t`: launch.issues.<code> with the issue's params. The English `message` is the
 * fallback for codes the catalogue lacks (an older server's issues) and for a message whose params are missing.
 */
export function reportedText(issue: ReportedText, t: TranslateFn, raw: RawMessage): string {
  if (!issue.code) return issue.message;
  const key = issueKey(issue.code);
  const source = raw(key);
  if (source === undefined || (!issue.params && source.includes("{"))) return issue.message;
  return renderLocalText({ key, ...(issue.params ? { params: issue.params } : {}) }, t);
}
