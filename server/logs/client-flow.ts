import type { OutputChunk } from "./output-buffer";

export interface FlowLimits {
  /** Unacknowledged characters past which a client is skipped forward instead of sent more. */
  highWater: number;
  /** Unacknowledged characters under which a skipped client is told what it missed and sent output again. */
  lowWater: number;
}

/**
 * At most about 4 MiB in flight per browser (ten slow browsers: ~40 MB of socket buffers at worst, never a
 * queue). Smaller marks skipped even prompt clients on a busy two-core box, where an acknowledgement's round
 * trip can take a few hundred milliseconds during a flood.
 */
export const DEFAULT_FLOW_LIMITS: FlowLimits = { highWater: 4 * 1024 * 1024, lowWater: 512 * 1024 };

/** What a skipped client missed: chunks (afterSeq, toSeq], log bytes [fromOffset, toOffset). */
export interface SkippedRange {
  runId: string;
  afterSeq: number;
  toSeq: number;
  fromOffset: number;
  toOffset: number;
}

/**
 * Flow control for one client watching one instance. The pty reader and other clients never wait for
 * it: past the high watermark its output is not queued but counted as skipped, and once it has caught
 * up (acknowledged down to the low watermark) it gets one gap notice and live output again. Memory per
 * client is a few numbers plus the list of chunk sizes in flight.
 */
export class ClientFlow {
  private runId: string | null = null;
  /** Sizes of chunks sent and not yet acknowledged, oldest first. */
  private inFlight: { seq: number; size: number }[] = [];
  private inFlightHead = 0;
  private unacked = 0;
  private lastSentSeq = 0;
  private skipped: SkippedRange | null = null;

  constructor(private readonly limits: FlowLimits = DEFAULT_FLOW_LIMITS) {}

  get unackedChars(): number {
    return this.unacked;
  }

  get skipping(): boolean {
    return this.skipped !== null;
  }

  /** The client was (re)sent the replay up to `lastSeq` of `runId`: a fresh start. */
  reset(runId: string | null, sent: readonly OutputChunk[]): void {
    this.runId = runId;
    this.inFlight = [];
    this.inFlightHead = 0;
    this.unacked = 0;
    this.skipped = null;
    this.lastSentSeq = 0;
    for (const chunk of sent) this.track(chunk);
  }

  /** Whether to send this live chunk to the client now. */
  offer(runId: string, chunk: OutputChunk): boolean {
    if (runId !== this.runId) this.reset(runId, []);
    if (chunk.seq <= this.lastSentSeq) return false;
    if (this.skipped) {
      this.skipped.toSeq = chunk.seq;
      this.skipped.toOffset = chunk.endOffset;
      return false;
    }
    if (this.unacked >= this.limits.highWater) {
      this.skipped = {
        runId,
        afterSeq: this.lastSentSeq,
        toSeq: chunk.seq,
        fromOffset: chunk.offset,
        toOffset: chunk.endOffset,
      };
      return false;
    }
    this.track(chunk);
    return true;
  }

  /**
   * The client has written up to `seq`. Returns the range it missed when it may now be sent output again
   * (the caller may re-send the newest part of it, through `resent`, and report only the rest as a gap).
   */
  ack(runId: string, seq: number): SkippedRange | null {
    if (runId !== this.runId) return null;
    while (this.inFlightHead < this.inFlight.length && this.inFlight[this.inFlightHead]!.seq <= seq) {
      this.unacked -= this.inFlight[this.inFlightHead]!.size;
      this.inFlightHead++;
    }
    if (this.inFlightHead > 256 && this.inFlightHead * 2 > this.inFlight.length) {
      this.inFlight = this.inFlight.slice(this.inFlightHead);
      this.inFlightHead = 0;
    }
    if (!this.skipped || this.unacked > this.limits.lowWater) return null;
    const skipped = this.skipped;
    this.skipped = null;
    this.lastSentSeq = skipped.toSeq;
    return skipped;
  }

  /** Counts chunks re-sent after a skip (the newest output, so the client shows the live end). */
  resent(chunks: readonly OutputChunk[]): void {
    for (const chunk of chunks) this.track(chunk);
  }

  private track(chunk: OutputChunk): void {
    this.inFlight.push({ seq: chunk.seq, size: chunk.data.length });
    this.unacked += chunk.data.length;
    this.lastSentSeq = chunk.seq;
  }
}
