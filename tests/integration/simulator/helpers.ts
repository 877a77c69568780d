import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const REPO = path.resolve(__dirname, "../../..");
export const GLM_MODEL = "/work/shared/fixtures/models/GLM-4.7-Flash";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Sim {
  proc: ChildProcess;
  pid: number;
  port: number;
  marker: string;
  base: string;
  output: () => string;
  stderr: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForExit: (timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Sim[] = [];

/** Start the simulator exactly like the console starts SGLang, in its own process group. */
export async function startSim(args: string[], env: Record<string, string> = {}, port?: number): Promise<Sim> {
  const p = port ?? (await freePort());
  const marker = randomUUID();
  const hasPort = args.includes("--port");
  const proc = spawn("python3", ["-m", "sglang.launch_server", ...args, ...(hasPort ? [] : ["--port", String(p)])], {
    cwd: REPO,
    detached: true,
    env: { ...process.env, PYTHONPATH: path.join(REPO, "simulator"), SGLANG_SIM_SPEED: "1000", SGLANG_SIM_TEST_MARKER: marker, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer, isErr: boolean) => {
    const text = chunk.toString();
    out += text;
    if (isErr) err += text;
    for (const w of [...waiters]) w();
  };
  proc.stdout!.on("data", (c: Buffer) => onData(c, false));
  proc.stderr!.on("data", (c: Buffer) => onData(c, true));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => {
      resolve({ code, signal });
      for (const w of [...waiters]) w();
    }),
  );
  let done = false;
  exited.then(() => (done = true));
  const sim: Sim = {
    proc,
    pid: proc.pid!,
    port: p,
    marker,
    base: `http://127.0.0.1:${p}`,
    output: () => out,
    stderr: () => err,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            cleanup();
            resolve();
          } else if (done) {
            cleanup();
            reject(new Error(`exited before ${pattern}:\n${out.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}:\n${out.slice(-3000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          const i = waiters.indexOf(check);
          if (i >= 0) waiters.splice(i, 1);
        };
        waiters.push(check);
        check();
      }),
    exited,
    waitForExit: (timeoutMs = 20_000) =>
      Promise.race([
        exited,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not exit:\n${out.slice(-3000)}`)), timeoutMs)),
      ]),
  };
  running.push(sim);
  return sim;
}

export async function waitForHealth(sim: Sim, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${sim.base}/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`/health never answered 200:\n${sim.output().slice(-3000)}`);
}

/** Every live process started for this simulator run (found by its environment marker, orphans included). */
export function markedPids(marker: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue; // zombie: already dead
      const environ = fs.readFileSync(`/proc/${entry}/environ`, "utf8");
      if (environ.includes(`SGLANG_SIM_TEST_MARKER=${marker}`)) found.push(Number(entry));
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  comm: string;
}

export function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), comm };
  } catch {
    return null;
  }
}

export function descendants(pid: number): ProcInfo[] {
  const all = fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map((e) => procInfo(Number(e)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const stack = [pid];
  while (stack.length) {
    const parent = stack.pop()!;
    for (const p of all.filter((q) => q.ppid === parent)) {
      out.push(p);
      stack.push(p.pid);
    }
  }
  return out;
}

export async function waitUntil(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Kill every simulator started by a test (group, then any straggler by marker) and check none is left. */
export async function killAll(): Promise<void> {
  for (const sim of running.splice(0)) {
    try {
      process.kill(-sim.pid, "SIGKILL");
    } catch {
      /* group already gone */
    }
    for (const pid of markedPids(sim.marker)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    await waitUntil(() => markedPids(sim.marker).length === 0, 5_000);
  }
}

export async function readSse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice("data: ".length));
}
