import fs from "node:fs";
import type { InstancePhase } from "../../lib/instance-phase";
import { parseCauseDetail } from "../../lib/cause-detail";
import type { RunSummary, RunView } from "../../lib/instance-view";
import { formatShellCommand } from "../../lib/launch";
import { maskArgvSecrets, maskEnv } from "../../lib/secrets";
import { causeTitle } from "../../lib/run-cause";
import type { RunRecord } from "../db/runs";
import type { SupervisedRun } from "./run";

export function liveRunView(run: SupervisedRun): RunView {
  const failure = run.failure;
  const ended = run.endedAt !== null;
  return {
    id: run.spec.id,
    phase: run.phase,
    stage: run.stage,
    progress: run.phase === "loading" || run.phase === "starting" ? run.progress : null,
    stageTimes: run.stageTimes,
    pid: run.pid,
    program: run.spec.program,
    argv: maskArgvSecrets(run.spec.argv),
    commandLine: run.spec.commandLine,
    cause: failure?.cause ?? null,
    causeTitle: failure ? causeTitle(failure.cause) : null,
    causeDetail: failure?.detail ?? null,
    causeDetailData: failure?.data ?? null,
    keyLines: ended && failure && run.diagnosis ? run.diagnosis.keyLines : [],
    advice: ended && failure && run.diagnosis ? run.diagnosis.advice : [],
    exitCode: run.exit?.exitCode ?? null,
    signal: run.exit?.signal ?? null,
    startedAt: run.startedAt.toISOString(),
    readyAt: run.readyAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    survivors: run.survivors,
  };
}

function commandLineOf(run: RunRecord): string {
  const argv = JSON.parse(run.argvJson) as string[];
  return formatShellCommand({ env: maskEnv(JSON.parse(run.envJson) as Record<string, string>), program: run.program, argv: maskArgvSecrets(argv) }, { multiline: false });
}

export function storedRunView(run: RunRecord): RunView {
  return {
    id: run.id,
    phase: run.phase as InstancePhase,
    stage: run.stage,
    progress: null,
    stageTimes: {},
    pid: run.pid,
    program: run.program,
    argv: maskArgvSecrets(JSON.parse(run.argvJson) as string[]),
    commandLine: commandLineOf(run),
    cause: run.cause,
    causeTitle: run.cause ? causeTitle(run.cause) : null,
    causeDetail: run.causeDetail,
    causeDetailData: parseCauseDetail(run.causeDetailJson),
    keyLines: [],
    advice: [],
    exitCode: run.exitCode,
    signal: run.signal,
    startedAt: run.startedAt.toISOString(),
    readyAt: run.readyAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    survivors: [],
  };
}

export function summarizeRun(run: RunRecord, nameOf: (userId: string) => string): RunSummary {
  return {
    id: run.id,
    phase: run.phase as InstancePhase,
    cause: run.cause,
    causeTitle: run.cause ? causeTitle(run.cause) : null,
    exitCode: run.exitCode,
    signal: run.signal,
    startedBy: run.startedBy,
    startedByName: nameOf(run.startedBy),
    attempt: run.attempt,
    startedAt: run.startedAt.toISOString(),
    readyAt: run.readyAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    durationS: run.endedAt ? Math.round((run.endedAt.getTime() - run.startedAt.getTime()) / 100) / 10 : null,
    commandLine: commandLineOf(run),
    logAvailable: fs.existsSync(run.logPath),
  };
}
