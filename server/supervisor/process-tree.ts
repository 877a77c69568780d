import fs from "node:fs";

/** A process as /proc shows it; `startTime` (clock ticks since boot) tells a pid apart from a later reuse of it. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  startTime: number;
  state: string;
  comm: string;
}

export function readProc(pid: number): ProcInfo | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // comm may contain spaces and parentheses: the fields after it start at the last ")".
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  return {
    pid,
    comm,
    state: fields[0] ?? "?",
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    startTime: Number(fields[19]),
  };
}

export function listProcesses(): ProcInfo[] {
  const result: ProcInfo[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) result.push(info);
  }
  return result;
}

/** Whether the same process (pid and start time) still exists and is not a zombie waiting to be reaped. */
export function isAlive(proc: Pick<ProcInfo, "pid" | "startTime">): boolean {
  const now = readProc(proc.pid);
  return now !== null && now.startTime === proc.startTime && now.state !== "Z" && now.state !== "X";
}

/** The root, every descendant of it, and every member of its process group (descendants may leave the group). */
export function collectTree(rootPid: number, pgid: number | null, all: ProcInfo[] = listProcesses()): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const proc of all) {
    const list = children.get(proc.ppid) ?? [];
    list.push(proc);
    children.set(proc.ppid, list);
  }
  const found = new Map<number, ProcInfo>();
  const queue = all.filter((proc) => proc.pid === rootPid || (pgid !== null && proc.pgid === pgid));
  while (queue.length > 0) {
    const proc = queue.pop()!;
    if (found.has(proc.pid)) continue;
    found.set(proc.pid, proc);
    queue.push(...(children.get(proc.pid) ?? []));
  }
  return [...found.values()].filter((proc) => proc.state !== "Z");
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export interface TreeStopResult {
  /** Processes that were part of the tree when the stop began. */
  targeted: ProcInfo[];
  /** Whether SIGKILL was needed after the grace period. */
  escalated: boolean;
  /** Processes that survived even SIGKILL (should be empty; reported, never hidden). */
  survivors: ProcInfo[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitGone(procs: ProcInfo[], timeoutMs: number): Promise<ProcInfo[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = procs.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(50);
    alive = alive.filter(isAlive);
  }
  return alive;
}

/**
 * Stops a whole process tree: TERM to the group and to every descendant that left it, a grace period,
 * then KILL to whatever is left, then a check that nothing of the tree remains.
 */
export async function stopProcessTree(options: {
  rootPid: number;
  pgid: number | null;
  graceMs: number;
  killWaitMs?: number;
}): Promise<TreeStopResult> {
  const targeted = collectTree(options.rootPid, options.pgid);
  const sendAll = (sig: NodeJS.Signals, procs: ProcInfo[]) => {
    if (options.pgid !== null) signal(-options.pgid, sig);
    for (const proc of procs) if (isAlive(proc)) signal(proc.pid, sig);
  };
  sendAll("SIGTERM", targeted);
  let alive = await waitGone(targeted, options.graceMs);
  // Children spawned during the grace period belong to the tree too.
  const late = collectTree(options.rootPid, options.pgid).filter((p) => !targeted.some((t) => t.pid === p.pid));
  alive = [...alive, ...late];
  if (alive.length === 0) return { targeted, escalated: false, survivors: [] };
  sendAll("SIGKILL", alive);
  const survivors = await waitGone(alive, options.killWaitMs ?? 5000);
  return { targeted: [...targeted, ...late], escalated: true, survivors };
}
