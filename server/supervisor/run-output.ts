import type { RunView } from "../../lib/instance-view";
import { lastLines } from "../../lib/run-cause";
import { createLogDiagnoser, type LogDiagnosis } from "../../lib/sglang-log/diagnoser";
import { shownPhase } from "../../lib/sglang-log/phases";
import { readLogBlocks } from "../logs/log-files";
import { OutputBuffer, type OutputChunk } from "../logs/output-buffer";

/** Stages after which the server may answer (uvicorn's start). */
const MAY_ANSWER_STAGES = new Set(["http_up", "ready", "serving"]);
/** On reattach, the classifier re-reads at most this much of the log to recover the stage and facts. */
const REREAD_LIMIT_BYTES = 32 * 1024 * 1024;

export interface OutputTaken {
  chunk: OutputChunk;
  stageChanged: boolean;
  progressChanged: boolean;
  /** Uvicorn's start or the ready line just appeared: the server may answer now (a hint; HTTP decides). */
  mayAnswer: boolean;
}

/**
 * A run's output as the console understands it: the replay buffer, SGLang's start-up stage and progress read by
 * the log classifier, when each stage began. Output the pty host sends twice (after a reattach) is trimmed by offset.
 */
export class RunOutput {
  stage: string | null = null;
  progress: RunView["progress"] = null;
  /** When each startup stage began, as SGLang's output showed it. */
  readonly stageTimes: Record<string, string> = {};
  readonly buffer: OutputBuffer;
  private readonly diagnoser = createLogDiagnoser();
  /** Bytes of the log already taken in. */
  private logOffset = 0;
  private readyLineSeen = false;

  constructor(private readonly replayBytes: number) {
    this.buffer = new OutputBuffer(replayBytes);
  }

  /** Re-reads the log a previous console took in (the recent part into the buffer, the classifier over more). */
  reread(logPath: string, size: number): void {
    const decoder = new TextDecoder("utf-8");
    for (const block of readLogBlocks(logPath, { from: Math.max(0, size - REREAD_LIMIT_BYTES), to: size })) {
      if (block.type === "dropped") continue;
      const text = decoder.decode(block.bytes, { stream: true });
      this.diagnoser.push(text);
      if (block.offset + block.bytes.length > size - this.replayBytes) this.buffer.append(text, block.offset);
    }
    this.logOffset = size;
    this.readyLineSeen = this.diagnoser.snapshot().readyLineSeen;
  }

  /** Takes output that starts at byte `offset` of the log; null when all of it was taken already. */
  take(data: string, offset: number): OutputTaken | null {
    const bytes = Buffer.byteLength(data);
    if (offset + bytes <= this.logOffset) return null;
    let start = offset;
    if (offset < this.logOffset) {
      data = Buffer.from(data).subarray(this.logOffset - offset).toString("utf8");
      start = this.logOffset;
    }
    this.logOffset = offset + bytes;
    const chunk = this.buffer.append(data, start);
    this.diagnoser.push(data);
    const snapshot = this.diagnoser.snapshot();
    const progress = snapshot.progress ? { label: snapshot.progress.label, percent: Math.round(snapshot.progress.percent) } : null;
    // A stage the text does not show ("unknown") keeps the last one shown.
    const stage = shownPhase(snapshot.phase);
    const stageChanged = stage !== null && stage !== this.stage;
    if (stage !== null && stageChanged && !(stage in this.stageTimes)) this.stageTimes[stage] = new Date().toISOString();
    const progressChanged = progress?.percent !== this.progress?.percent || progress?.label !== this.progress?.label;
    // Uvicorn's start is stage `http_up`; the ready line hints by itself.
    const mayAnswer = (snapshot.readyLineSeen && !this.readyLineSeen) || (stageChanged && MAY_ANSWER_STAGES.has(stage));
    if (stage !== null) this.stage = stage;
    this.progress = progress;
    this.readyLineSeen = snapshot.readyLineSeen;
    return { chunk, stageChanged, progressChanged, mayAnswer };
  }

  /** The last `count` lines held, as a person saw them. */
  tail(count: number): string[] {
    return lastLines(this.buffer.since(Math.max(0, this.buffer.lastSeq - 200)).chunks.map((chunk) => chunk.data).join(""), count);
  }

  /** The classifier's verdict on the whole output (the run has ended). */
  end(): LogDiagnosis {
    return this.diagnoser.end();
  }
}
