import fs from "node:fs";
import path from "node:path";

// A run's log on disk, capped by size. Without a cap it is one file, `output.log`. With a cap it is cut
// into parts of exactly `partBytes`: `output.1.log` (the start-up, always kept), `output.2.log`, ... and
// `output.log`, the part being written. When the parts exceed the cap, the oldest parts after the first
// are deleted. Part n covers bytes [(n-1)·P, n·P) of the run's output, so offsets stay exact with no index.

export interface LogPart {
  path: string;
  /** Offset of the part's first byte in the run's whole output. */
  start: number;
  size: number;
  ino: number;
}

export interface LogLayout {
  parts: LogPart[];
  /** Bytes the run has printed, including parts that were deleted. */
  total: number;
  /** Byte ranges of the output whose parts were deleted. */
  dropped: { start: number; end: number }[];
}

const MIN_PART_BYTES = 4096;

/** Part size for a cap: an eighth of it, so the first part plus six recent ones fit. */
export function partBytesFor(maxBytes: number): number {
  return Math.max(MIN_PART_BYTES, Math.floor(maxBytes / 8));
}

function partPath(logPath: string, n: number): string {
  const ext = path.extname(logPath);
  return `${logPath.slice(0, logPath.length - ext.length)}.${n}${ext}`;
}

function rotatedParts(logPath: string): { n: number; path: string; size: number; ino: number }[] {
  const dir = path.dirname(logPath);
  const ext = path.extname(logPath);
  const stem = path.basename(logPath, ext);
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)${ext.replace(".", "\\.")}$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: { n: number; path: string; size: number; ino: number }[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    try {
      const stat = fs.statSync(path.join(dir, name));
      found.push({ n: Number(match[1]), path: path.join(dir, name), size: stat.size, ino: stat.ino });
    } catch {
      // pruned meanwhile
    }
  }
  return found.sort((a, b) => a.n - b.n);
}

/** The parts of a run's log, in order, with their offsets. */
export function readLogLayout(logPath: string): LogLayout {
  const rotated = rotatedParts(logPath);
  const partSize = rotated.find((part) => part.n === 1)?.size ?? rotated[0]?.size ?? 0;
  const parts: LogPart[] = [];
  const dropped: LogLayout["dropped"] = [];
  let expected = 0;
  for (const part of rotated) {
    const start = (part.n - 1) * partSize;
    if (start > expected) dropped.push({ start: expected, end: start });
    parts.push({ path: part.path, start, size: part.size, ino: part.ino });
    expected = start + part.size;
  }
  const lastN = rotated[rotated.length - 1]?.n ?? 0;
  const currentStart = lastN * partSize;
  if (currentStart > expected) dropped.push({ start: expected, end: currentStart });
  try {
    const stat = fs.statSync(logPath);
    parts.push({ path: logPath, start: currentStart, size: stat.size, ino: stat.ino });
    expected = currentStart + stat.size;
  } catch {
    expected = Math.max(expected, currentStart);
  }
  return { parts, total: expected, dropped };
}

/**
 * Writes a run's output, synchronously (the page cache makes this cheap, and a reader that asks for
 * "everything up to here" then finds it on disk), rotating parts when a cap is set.
 */
export class RotatingLogWriter {
  private fd: number;
  private closed = false;
  private currentSize: number;
  private lastPart: number;
  readonly partBytes: number | null;

  constructor(
    private readonly logPath: string,
    private readonly maxBytes: number | null,
  ) {
    fs.mkdirSync(path.dirname(logPath), { recursive: true });
    this.partBytes = maxBytes === null ? null : partBytesFor(maxBytes);
    this.fd = fs.openSync(logPath, "a");
    this.currentSize = fs.fstatSync(this.fd).size;
    this.lastPart = rotatedParts(logPath).at(-1)?.n ?? 0;
  }

  write(data: string): void {
    if (this.closed) return;
    let bytes = Buffer.from(data, "utf8");
    while (bytes.length > 0) {
      const room = this.partBytes === null ? bytes.length : this.partBytes - this.currentSize;
      const piece = bytes.subarray(0, room);
      fs.writeSync(this.fd, piece);
      this.currentSize += piece.length;
      bytes = bytes.subarray(piece.length);
      if (this.partBytes !== null && this.currentSize >= this.partBytes) this.rotate();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    this.lastPart += 1;
    fs.renameSync(this.logPath, partPath(this.logPath, this.lastPart));
    this.fd = fs.openSync(this.logPath, "a");
    this.currentSize = 0;
    // Keep part 1 and the newest parts such that all of them plus a full current part fit the cap.
    const keepRecent = Math.max(0, Math.floor(this.maxBytes! / this.partBytes!) - 2);
    for (const part of rotatedParts(this.logPath)) {
      if (part.n !== 1 && part.n <= this.lastPart - keepRecent) fs.rmSync(part.path, { force: true });
    }
  }
}

export type LogBlock = { type: "data"; offset: number; bytes: Buffer } | { type: "dropped"; start: number; end: number };

/** Opens the parts covering [from, to); retries when a part was rotated between listing and opening. */
function openParts(logPath: string): { layout: LogLayout; fds: (number | null)[] } {
  for (let attempt = 0; ; attempt++) {
    const layout = readLogLayout(logPath);
    const fds = layout.parts.map((part) => {
      try {
        const fd = fs.openSync(part.path, "r");
        if (fs.fstatSync(fd).ino === part.ino) return fd;
        fs.closeSync(fd);
      } catch {
        // pruned meanwhile
      }
      return null;
    });
    if (attempt >= 3 || fds.every((fd) => fd !== null)) return { layout, fds };
    for (const fd of fds) if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Reads the run's output between two offsets across its parts, in blocks, telling where parts were
 * deleted. Synchronous: for the pty host's catch-up and the console's re-read at takeover.
 */
export function* readLogBlocks(logPath: string, options: { from?: number; to?: number; blockBytes?: number } = {}): Generator<LogBlock> {
  const { layout, fds } = openParts(logPath);
  const from = options.from ?? 0;
  const to = Math.min(options.to ?? Infinity, layout.total);
  const buffer = Buffer.alloc(options.blockBytes ?? 1024 * 1024);
  try {
    let position = from;
    for (const [index, part] of layout.parts.entries()) {
      const fd = fds[index] ?? null;
      const end = Math.min(to, part.start + part.size);
      if (position >= to) break;
      if (end <= position) continue;
      if (part.start > position || fd === null) {
        const gapEnd = fd === null ? end : part.start;
        yield { type: "dropped", start: position, end: gapEnd };
        position = gapEnd;
        if (fd === null) continue;
      }
      while (position < end) {
        const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position - part.start);
        if (read <= 0) break;
        yield { type: "data", offset: position, bytes: Buffer.from(buffer.subarray(0, read)) };
        position += read;
      }
    }
  } finally {
    for (const fd of fds) if (fd !== null) fs.closeSync(fd);
  }
}

/** The note put where deleted parts were, in downloads and searches. */
export function droppedNote(start: number, end: number): string {
  return `\n[… ${end - start} bytes of output were deleted here: the run's log exceeded LOG_FILE_MAX_MB …]\n`;
}

/** The whole log as one byte stream, a note where parts were deleted: for downloads. */
export async function* logBytes(logPath: string, options: { from?: number; to?: number } = {}): AsyncGenerator<Buffer> {
  for (const block of readLogBlocks(logPath, { ...options, blockBytes: 256 * 1024 })) {
    yield block.type === "data" ? block.bytes : Buffer.from(droppedNote(block.start, block.end));
    // Let other requests and sockets run between blocks of a large file.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
