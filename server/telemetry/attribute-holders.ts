import type { InstancePhase } from "../../lib/instance-phase";
import type { GpuHolder } from "../../lib/realtime-telemetry";
import type { ComputeApp } from "../../lib/telemetry/nvidia-smi";
import { collectTree, listProcesses, type ProcInfo } from "../supervisor/process-tree";

export interface RunningInstance {
  id: string;
  name: string;
  owner: string;
  /** The run's root process (the launcher); its schedulers are descendants. */
  pid: number;
  phase: InstancePhase;
}

/**
 * Who each compute process is: an instance when its pid is in the instance's process tree (descendants and
 * process group of the run's root, as the supervisor stops them), else a foreign process with its own name.
 */
export function attributeHolders(apps: ComputeApp[], instances: RunningInstance[], procs: ProcInfo[] = apps.length ? listProcesses() : []): Map<number, GpuHolder> {
  const owners = new Map<number, RunningInstance>();
  for (const instance of instances) {
    const root = procs.find((proc) => proc.pid === instance.pid);
    if (!root) continue;
    for (const proc of collectTree(instance.pid, root.pgid, procs)) owners.set(proc.pid, instance);
  }
  const holders = new Map<number, GpuHolder>();
  for (const app of apps) {
    const owner = owners.get(app.pid);
    holders.set(
      app.pid,
      owner
        ? { kind: "instance", pid: app.pid, usedMemoryMiB: app.usedMemoryMiB, instanceId: owner.id, instanceName: owner.name, owner: owner.owner, phase: owner.phase }
        : { kind: "foreign", pid: app.pid, usedMemoryMiB: app.usedMemoryMiB, processName: app.processName },
    );
  }
  return holders;
}
