"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { Card, CardTitle } from "../ui/card";
import { LogTerminal, type LogTerminalHandle } from "../instances/log-terminal";
import { AdvicePanel } from "./advice-panel";
import { DiagnosisSummary } from "./diagnosis-summary";
import { LogInput } from "./log-input";
import { terminalText } from "./log-source";
import { RunFactsList } from "./run-facts";
import { useDiagnosis, type DiagnosisState } from "./use-diagnosis";

/** The /diagnose page: a log in, a diagnosis out, the log beside it with its key lines marked. */
export function DiagnoseView({ run }: { run: { instanceId: string; runId: string; label: string } | null }) {
  const t = useTranslations("diagnose.page");
  const { state, diagnose, diagnoseRun } = useDiagnosis();

  useEffect(() => {
    if (run) void diagnoseRun(run.instanceId, run.runId);
  }, [run, diagnoseRun]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-400">{t("intro")}</p>
      </div>
      {run && <p className="text-sm text-zinc-300">{t("runLog", { label: run.label })}</p>}
      <LogInput onDiagnose={diagnose} busy={state.status === "working"} />
      {state.status === "working" && <p className="text-sm text-zinc-400">{t("diagnosing")}</p>}
      {state.status === "error" && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200">
          {state.message}
        </p>
      )}
      {state.status === "done" && <DiagnosisResult key={state.id} result={state} />}
    </div>
  );
}

function DiagnosisResult({ result }: { result: Extract<DiagnosisState, { status: "done" }> }) {
  const { diagnosis, excerpt, source } = result;
  const t = useTranslations("diagnose.result");
  const format = useFormatter();
  const terminal = useRef<LogTerminalHandle>(null);
  const shown = useMemo(() => terminalText(excerpt, diagnosis.keyLines, (count) => t("linesNotShown", { count })), [excerpt, diagnosis.keyLines, t]);
  const keyText = useMemo(() => new Map(excerpt.lines.map((l) => [l.no, l.text])), [excerpt]);

  useEffect(() => {
    terminal.current?.write(shown.text);
    terminal.current?.markLines(shown.rows, shown.labels);
  }, [shown]);

  return (
    <div className="space-y-6" data-testid="diagnosis">
      <Card>
        <DiagnosisSummary diagnosis={diagnosis} />
      </Card>
      <Card className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-3">
          <CardTitle>{t("logTitle")}</CardTitle>
          <span className="text-xs text-zinc-500">
            {source.kind === "text" ? t("pastedLog") : source.name} · {t("lineCount", { count: excerpt.totalLines })}
            {excerpt.complete ? "" : ` · ${t("excerptNote")}`}
          </span>
        </div>
        {diagnosis.keyLines.length > 0 && (
          <ul className="space-y-1" data-testid="key-lines">
            {diagnosis.keyLines.map((no, index) => (
              <li key={no}>
                <button
                  type="button"
                  className="flex w-full gap-3 rounded px-2 py-1 text-left font-mono text-xs hover:bg-zinc-800"
                  onClick={() => {
                    const row = shown.labels.indexOf(String(no));
                    if (row >= 0) terminal.current?.scrollToLine(shown.rows[row] as number);
                  }}
                >
                  <span className={index === 0 ? "text-red-300" : "text-zinc-500"}>{t("keyLine", { line: format.number(no, { useGrouping: false }) })}</span>
                  <span className="truncate text-zinc-300">{stripAnsi(keyText.get(no) ?? "")}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <LogTerminal ref={terminal} withMarks />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="space-y-3">
          <CardTitle>{t("adviceTitle")}</CardTitle>
          <AdvicePanel advice={diagnosis.advice} facts={diagnosis.facts} />
        </Card>
        <Card className="space-y-3">
          <CardTitle>{t("runTitle")}</CardTitle>
          <RunFactsList facts={diagnosis.facts} />
        </Card>
      </div>
    </div>
  );
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, " ");
}
