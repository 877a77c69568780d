/** The command line's report for a person, in their language; the codes (phase, cause, flags) stay as they are. */
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import type { LogDiagnosis } from "../sglang-log";
import { diagnosisWords } from "../sglang-log/words";

export function formatReport(d: LogDiagnosis, file: string, keyTexts: ReadonlyMap<number, string>, locale: Locale): string {
  const t = translator(locale, "diagnose");
  const words = diagnosisWords(locale);
  const out: string[] = [];
  out.push(t("cli.heading", { file: file === "-" ? t("cli.stdin") : file }));
  if (!d.looksLikeSglang) out.push(t("cli.notSglang"));
  const outcome = d.outcome === "ready" && !d.readyLineSeen ? "serving" : d.outcome;
  out.push(`${t("cli.outcomeLabel")}${t(`cli.outcomes.${outcome}`)}`);
  const progress = d.progress
    ? t("cli.progress", { label: d.progress.label || t("cli.progressLabel"), done: String(d.progress.done), total: String(d.progress.total), percent: String(d.progress.percent) })
    : "";
  out.push(`${t("cli.phaseLabel")}${d.phase} — ${words.phaseTitle(d.phase)}${progress}`);
  out.push(`${t("cli.causeLabel")}${d.cause} — ${words.causeTitle(d.cause)}${d.failedRank ? t("cli.failedRank", { rank: d.failedRank }) : ""}`);
  if (d.keyLines.length > 0) {
    out.push(t("cli.keyLines"));
    for (const n of d.keyLines) {
      const text = keyTexts.get(n);
      out.push(text === undefined ? `  ${String(n).padStart(7)}` : `  ${String(n).padStart(7)}: ${text.length > 240 ? `${text.slice(0, 240)}…` : text}`);
    }
  }
  const facts = runFacts(d.facts, (key, values) => t(`cli.facts.${key}`, values));
  if (facts.length > 0) out.push(`${t("cli.runLabel")}${facts.join(t("cli.listSeparator"))}`);
  if (d.advice.length > 0) {
    out.push(t("cli.advice"));
    for (const a of d.advice) {
      const action = t(`cli.actions.${a.action}`);
      const knob = a.flag ? `[${action} ${a.flag}${a.suggestedValue !== undefined ? ` → ${a.suggestedValue}` : ""}] ` : a.suggestedValue !== undefined ? `[${action} ${a.suggestedValue}] ` : "";
      const { text, why } = words.advice(a);
      out.push(`  - ${knob}${text}`);
      out.push(`    ${t("cli.why")}${why}`);
    }
  }
  out.push(`${t("cli.linesLabel")}${d.linesSeen}`);
  return out.join("\n");
}

function runFacts(f: LogDiagnosis["facts"], say: (key: string, values?: Record<string, string>) => string): string[] {
  const facts: string[] = [];
  if (f.modelPath) facts.push(say("model", { value: f.modelPath }));
  if (f.servedModelName) facts.push(say("servedAs", { value: f.servedModelName }));
  if (f.architecture) facts.push(say("architecture", { value: f.architecture }));
  for (const [name, v] of [["tp", f.tp], ["dp", f.dp], ["ep", f.ep], ["pp", f.pp]] as const) if (v !== null && v > 1) facts.push(say("parallel", { name, value: String(v) }));
  if (f.memFractionStatic !== null) facts.push(say("memFraction", { value: String(f.memFractionStatic) }));
  if (f.contextLength !== null) facts.push(say("context", { value: String(f.contextLength) }));
  if (f.speculativeAlgorithm) facts.push(say("speculative", { value: f.speculativeAlgorithm }));
  if (f.cudaGraphDisabled) facts.push(say("cudaGraphsDisabled"));
  if (f.host !== null || f.port !== null) facts.push(say("listen", { address: `${f.host ?? "?"}:${f.port ?? "?"}` }));
  if (f.sglangVersion) facts.push(say("sglang", { value: f.sglangVersion }));
  return facts;
}
