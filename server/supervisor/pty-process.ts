import { EventEmitter } from "node:events";
import * as pty from "node-pty";
import { RotatingLogWriter } from "../logs/log-files";

export interface PtyExit {
  /** null when a signal ended the process. */
  exitCode: number | null;
  /** The signal's name when the process was ended by one, else null. */
  signal: string | null;
}

export interface PtyProcessOptions {
  program: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  logPath: string;
  /** Cap of the log file (parts rotate past it, the start-up and the newest output kept); null: no cap. */
  logMaxBytes?: number | null;
  /** Output is handed on in batches at most this often, so a chatty server costs few messages. */
  flushMs?: number;
  cols?: number;
  rows?: number;
}

const SIGNAL_NAMES: Record<number, string> = { 1: "SIGHUP", 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM" };

/**
 * Any long job under a pseudo-terminal (SGLang today; downloads and load tests later): output goes to
 * the log file as it arrives and to listeners in small batches. Never builds a shell string.
 */
export class PtyProcess extends EventEmitter<{ output: [string, number]; exit: [PtyExit] }> {
  readonly pid: number;
  private readonly term: pty.IPty;
  private readonly log: RotatingLogWriter;
  private pending = "";
  /** Bytes handed to listeners so far: the log-file offset at which the next batch starts. */
  emittedBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly flushMs: number;
  exited: PtyExit | null = null;

  constructor(options: PtyProcessOptions) {
    super();
    this.flushMs = options.flushMs ?? 4;
    this.log = new RotatingLogWriter(options.logPath, options.logMaxBytes ?? null);
    this.term = pty.spawn(options.program, options.argv, {
      name: "xterm-256color",
      cols: options.cols ?? 160,
      rows: options.rows ?? 40,
      cwd: options.cwd,
      env: options.env,
    });
    this.pid = this.term.pid;
    this.term.onData((data) => this.onData(data));
    this.term.onExit(({ exitCode, signal }) => {
      this.flush();
      this.exited = signal ? { exitCode: null, signal: SIGNAL_NAMES[signal] ?? `signal ${signal}` } : { exitCode, signal: null };
      this.log.close();
      this.emit("exit", this.exited);
    });
  }


  resize(cols: number, rows: number): void {
    if (!this.exited) this.term.resize(cols, rows);
  }

  private onData(data: string): void {
    this.log.write(data);
    this.pending += data;
    if (this.pending.length > 256 * 1024) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    const data = this.pending;
    this.pending = "";
    const offset = this.emittedBytes;
    this.emittedBytes += Buffer.byteLength(data);
    this.emit("output", data, offset);
  }
}
