import fs from "node:fs";
import { childProcessesMatching } from "../../tests/support/processes";

/** Linux's clock ticks per second (`getconf CLK_TCK`), in which /proc reports CPU time. */
const CLOCK_TICKS = 100;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
export function procStatFields(pid: number): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU time (user + system) of a process so far, in ms. */
export function processCpuMs(pid: number): number {
  const fields = procStatFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * CPU time of the console in ms: its own process and its /v1 gateway's (server/gateway/gateway-process.ts), which
 * serves the API keys' requests. A gateway process that ended takes its CPU time with it: the bench checks it stays.
 */
export function consoleCpuMs(pid: number): number {
  return childProcessesMatching(pid, "gateway-process").reduce((sum, child) => sum + processCpuMs(child), processCpuMs(pid));
}
