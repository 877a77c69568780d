import { utf8Length } from "./utf8";
import type { LogChunkEvent, LogGapEvent, WatchAck, WatchRequest } from "../realtime";

/** Output the terminal did not get, with the log bytes to load it from (`fromOffset` null: from the run's start). */
export interface GapMarker {
  runId: string;
  fromOffset: number;
  toOffset: number;
  /** `slow`: this browser fell behind and was skipped forward; `buffer`: the console no longer held it. */
  reason: "slow" | "buffer";
}

export type CursorAction =
  | { type: "write"; chunk: LogChunkEvent }
  | { type: "new-run"; runId: string; previousRunId: string | null }
  | { type: "gap"; gap: GapMarker }
  /** Chunks were missed without notice: ask the console again from the last one written. */
  | { type: "rewatch" };


/**
 * Where a browser is in an instance's output: the run and the last chunk written. Turns watch replies,
 * live chunks and gap notices into what to do with the terminal, so that reconnects, late joins, new
 * runs and skipped output end with every byte written once, in order, or a visible gap marker.
 */
export class StreamCursor {
  runId: string | null = null;
  seq = 0;
  /** Log offset right after the last byte written, when known. */
  private lastChunk: { offset: number; data: string } | null = null;
  /** A watch is in flight: live chunks that do not follow on are left to its replay. */
  private awaitingReplay = false;

  constructor(readonly instanceId: string) {}

  /** The watch request to send on (re)connect: resume after the last chunk written. */
  watchRequest(): WatchRequest {
    this.awaitingReplay = true;
    return this.runId ? { instanceId: this.instanceId, runId: this.runId, afterSeq: this.seq } : { instanceId: this.instanceId };
  }

  get endOffset(): number {
    return this.lastChunk ? this.lastChunk.offset + utf8Length(this.lastChunk.data) : 0;
  }

  onWatchAck(ack: Extract<WatchAck, { ok: true }>): CursorAction[] {
    this.awaitingReplay = false;
    if (ack.runId === null) return [];
    const actions = this.enterRun(ack.runId);
    const first = ack.chunks[0];
    if (ack.gap && first && first.seq > this.seq + 1) {
      actions.push({ type: "gap", gap: { runId: ack.runId, fromOffset: this.endOffset, toOffset: first.offset, reason: "buffer" } });
      this.seq = first.seq - 1;
    }
    for (const chunk of ack.chunks) actions.push(...this.onChunk(chunk));
    return actions;
  }

  onChunk(chunk: LogChunkEvent): CursorAction[] {
    if (chunk.instanceId !== this.instanceId) return [];
    const actions = chunk.runId === this.runId ? [] : this.enterRun(chunk.runId);
    if (chunk.seq <= this.seq) return actions;
    if (chunk.seq > this.seq + 1) {
      if (!this.awaitingReplay) {
        this.awaitingReplay = true;
        actions.push({ type: "rewatch" });
      }
      return actions;
    }
    this.seq = chunk.seq;
    this.lastChunk = chunk;
    actions.push({ type: "write", chunk });
    return actions;
  }

  onGap(event: LogGapEvent): CursorAction[] {
    if (event.instanceId !== this.instanceId || event.runId !== this.runId || event.toSeq <= this.seq) return [];
    if (event.afterSeq > this.seq) {
      // Chunks before the skipped range never arrived: let a replay sort it out.
      if (this.awaitingReplay) return [];
      this.awaitingReplay = true;
      return [{ type: "rewatch" }];
    }
    this.seq = event.toSeq;
    this.lastChunk = { offset: event.toOffset, data: "" };
    return [{ type: "gap", gap: { runId: event.runId, fromOffset: event.fromOffset, toOffset: event.toOffset, reason: "slow" } }];
  }

  private enterRun(runId: string): CursorAction[] {
    if (runId === this.runId) return [];
    const previousRunId = this.runId;
    this.runId = runId;
    this.seq = 0;
    this.lastChunk = null;
    return [{ type: "new-run", runId, previousRunId }];
  }
}
