import { describeHolder, FOREIGN_HOLDER, gpuBusyMessage, holderText, type Holder, type LaunchProfile, type PortHolder, type ValidationIssue } from "../../lib/launch";

export interface ActiveHolder {
  name: string;
  /** The owner's display name. */
  owner: string;
  host: string;
  port: number;
  gpuIds: number[] | null;
}

/** The one place an active instance becomes the holder the launch page and the API's messages name. */
export const holderOf = (active: ActiveHolder): Holder => ({ kind: "instance", name: active.name, owner: active.owner });

const gpuList = (ids: number[] | null) => (ids === null ? "all" : ids.join(","));

/**
 * GPUs a new launch would share with running instances, for when the GPU count is unknown (the validator checks
 * known GPUs itself). `null` GPU ids mean every GPU of the box, so they clash with any other instance.
 */
export function gpuConflicts(profile: LaunchProfile, active: ActiveHolder[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const other of active) {
    const holder = holderOf(other);
    if (profile.gpuIds === null || other.gpuIds === null) {
      const [mine, theirs] = [gpuList(profile.gpuIds), gpuList(other.gpuIds)];
      const words = (ids: string) => (ids === "all" ? "all GPUs" : `GPUs ${ids}`);
      issues.push({
        field: "gpuIds",
        severity: "error",
        code: "gpu_busy_all",
        message: `This launch would use ${words(mine)}, and ${describeHolder(holder)} already uses ${words(theirs)}: select GPUs it does not use, or stop it first.`,
        params: { mine, theirs, holder: holderText(holder) },
      });
      continue;
    }
    for (const gpu of profile.gpuIds.filter((id) => other.gpuIds!.includes(id))) {
      issues.push({ field: "gpuIds", severity: "error", code: "gpu_busy", message: gpuBusyMessage(gpu, holder), params: { gpu: String(gpu), holder: holderText(holder) } });
    }
  }
  return issues;
}

export function portHolders(active: ActiveHolder[]): PortHolder[] {
  return active.map((other) => ({ port: other.port, holder: holderOf(other) }));
}

/** A port no instance of the console holds and still cannot be bound: another program has it. */
export function portBusyIssue(port: number, host: string): ValidationIssue {
  const message = `Port ${port} on ${host} is already taken by ${describeHolder(FOREIGN_HOLDER)}: choose another --port.`;
  return { field: "--port", severity: "error", code: "port_busy", message, params: { port: String(port), host, holder: holderText(FOREIGN_HOLDER) } };
}
