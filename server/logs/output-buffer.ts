/** A chunk of a run's terminal output, numbered so that clients can resume without gaps or duplicates. */
export interface OutputChunk {
  seq: number;
  data: string;
}

export interface ReplayResult {
  chunks: OutputChunk[];
  /** True when output after `afterSeq` was dropped from the buffer: the client must show a gap (or read the log file). */
  gap: boolean;
}

/** A bounded, sequence-numbered buffer of recent output for late joiners and reconnects. */
export class OutputBuffer {
  private chunks: OutputChunk[] = [];
  private bytes = 0;
  private nextSeq = 1;

  constructor(private readonly maxBytes: number) {}

  append(data: string): OutputChunk {
    const chunk = { seq: this.nextSeq++, data };
    this.chunks.push(chunk);
    this.bytes += data.length;
    while (this.bytes > this.maxBytes && this.chunks.length > 1) {
      const dropped = this.chunks.shift()!;
      this.bytes -= dropped.data.length;
    }
    return chunk;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Everything after `afterSeq` (0 = from the start) that is still held. */
  since(afterSeq: number): ReplayResult {
    const first = this.chunks[0];
    if (!first) return { chunks: [], gap: afterSeq < this.lastSeq };
    const gap = afterSeq < first.seq - 1;
    const start = Math.max(0, afterSeq - first.seq + 1);
    return { chunks: this.chunks.slice(start), gap };
  }
}
