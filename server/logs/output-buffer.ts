/** A chunk of a run's terminal output, numbered so that clients can resume without gaps or duplicates. */
export interface OutputChunk {
  seq: number;
  data: string;
  /** Offset of the chunk's first byte in the run's whole output (its log). */
  offset: number;
  /** Offset right after its last byte (worked out once: flow control needs it per client). */
  endOffset: number;
  /** When the console received it (ms since the epoch). */
  at: number;
}

export interface ReplayResult {
  chunks: OutputChunk[];
  /** True when output after `afterSeq` was dropped from the buffer: the client must show a gap (or read the log file). */
  gap: boolean;
}

/** Stands in for a dropped chunk until the array is compacted, so its text can be collected at once. */
const DROPPED: OutputChunk = Object.freeze({ seq: 0, data: "", offset: 0, endOffset: 0, at: 0 });

/** A bounded, sequence-numbered buffer of recent output for late joiners and reconnects. */
export class OutputBuffer {
  private chunks: OutputChunk[] = [];
  /** Index of the oldest chunk still held; dropped chunks are cut off in batches, not one shift at a time. */
  private head = 0;
  private bytes = 0;
  private nextSeq = 1;
  private nextOffset = 0;

  constructor(private readonly maxBytes: number) {}

  /** Appends output; `offset` defaults to right after the previous chunk. */
  append(data: string, offset = this.nextOffset, at = Date.now()): OutputChunk {
    const chunk = { seq: this.nextSeq++, data, offset, endOffset: offset + Buffer.byteLength(data), at };
    this.nextOffset = chunk.endOffset;
    this.chunks.push(chunk);
    this.bytes += data.length;
    while (this.bytes > this.maxBytes && this.chunks.length - this.head > 1) {
      this.bytes -= this.chunks[this.head]!.data.length;
      this.chunks[this.head] = DROPPED;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    return chunk;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Characters held (a bound on memory: at most `maxBytes` plus the newest chunk). */
  get heldChars(): number {
    return this.bytes;
  }

  /** Characters of every chunk the buffer still references (dropped ones included): what memory it really holds. */
  get retainedChars(): number {
    let chars = 0;
    for (const chunk of this.chunks) chars += chunk.data.length;
    return chars;
  }

  /** Everything after `afterSeq` (0 = from the start) that is still held. */
  since(afterSeq: number): ReplayResult {
    const first = this.chunks[this.head];
    if (!first) return { chunks: [], gap: afterSeq < this.lastSeq };
    const gap = afterSeq < first.seq - 1;
    const start = this.head + Math.max(0, afterSeq - first.seq + 1);
    return { chunks: this.chunks.slice(start), gap };
  }
}
