import fs from "node:fs";

/** Pids of live (non-zombie) processes whose command line contains `needle`. */
export function processesMatching(needle: string): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      if (state === "Z") continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmdline.includes(needle)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Pids of a process's live children whose command line contains `needle`. */
export function childProcessesMatching(parentPid: number, needle: string): number[] {
  return processesMatching(needle).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parentPid;
    } catch {
      return false;
    }
  });
}

/** Pids of live processes in a process group. */
export function processGroupMembers(pgid: number): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields[0] !== "Z" && Number(fields[2]) === pgid) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export async function waitFor<T>(probe: () => T | Promise<T>, options: { timeoutMs: number; what: string; intervalMs?: number }): Promise<NonNullable<T>> {
  const deadline = Date.now() + options.timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
  throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what} (last: ${JSON.stringify(last)})`);
}
