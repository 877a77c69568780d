import path from "node:path";
import type { CauseDetail } from "../../lib/cause-detail";
import { describeCauseDetail } from "../../lib/run-cause";
import { createLogDiagnoser } from "../../lib/sglang-log/diagnoser";
import { shownPhase } from "../../lib/sglang-log/phases";
import { readLogBlocks } from "../logs/log-files";
import type { Db } from "../db/client";
import { updateRun, type RunRecord } from "../db/runs";
import { collectTree, stopProcessTree } from "./process-tree";
import { readExitRecord } from "./pty-host/client";
import { runFiles } from "./pty-host/protocol";
import { causeFromDiagnosis } from "./run";

/**
 * Records the end of a run whose pty host is gone (it ended while the console was down): the exit its host
 * wrote, the cause from its log, and no process of its tree left behind.
 */
export async function endDeadRun(db: Db, run: RunRecord, graceMs: number): Promise<RunRecord> {
  const leftovers = run.pid ? collectTree(run.pid, run.pgid) : [];
  if (leftovers.length > 0) await stopProcessTree({ rootPid: run.pid!, pgid: run.pgid, graceMs });
  const exit = readExitRecord(runFiles(path.dirname(run.logPath), run.id).exitPath);
  const diagnoser = createLogDiagnoser();
  const decoder = new TextDecoder("utf-8");
  for (const block of readLogBlocks(run.logPath)) if (block.type === "data") diagnoser.push(decoder.decode(block.bytes, { stream: true }));
  const diagnosis = diagnoser.end();
  const failure = run.stopRequested ? null : causeFromDiagnosis(diagnosis, exit);
  const detail: CauseDetail = { event: failure?.data?.event ?? null, endedWhileDown: { leftovers: leftovers.length } };
  const english = describeCauseDetail(detail);
  return updateRun(db, {
    id: run.id,
    phase: run.stopRequested ? "stopped" : run.readyAt ? "crashed" : "failed_start",
    stage: shownPhase(diagnosis.phase),
    cause: failure?.cause ?? null,
    causeDetail: english,
    causeDetailJson: english === null ? null : JSON.stringify(detail),
    exitCode: exit?.exitCode ?? null,
    signal: exit?.signal ?? null,
    endedAt: exit ? new Date(exit.endedAt) : new Date(),
  });
}
