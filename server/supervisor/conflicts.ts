import type { LaunchProfile } from "../../lib/launch";

export interface ActiveHolder {
  name: string;
  owner: string;
  host: string;
  port: number;
  gpuIds: number[] | null;
}

const describe = (holder: ActiveHolder) => `instance ${holder.name} (owner ${holder.owner})`;

/**
 * GPUs a new launch would share with running instances. `null` GPU ids mean every GPU of the box, so
 * they clash with any other instance.
 */
export function gpuConflicts(profile: LaunchProfile, active: ActiveHolder[]): string[] {
  const messages: string[] = [];
  for (const holder of active) {
    if (profile.gpuIds === null || holder.gpuIds === null) {
      const which = profile.gpuIds === null ? "all GPUs" : `GPUs ${profile.gpuIds.join(",")}`;
      messages.push(`This launch would use ${which}, and ${describe(holder)} already uses ${holder.gpuIds === null ? "all GPUs" : `GPUs ${holder.gpuIds.join(",")}`}: select GPUs it does not use, or stop it first.`);
      continue;
    }
    const shared = profile.gpuIds.filter((gpu) => holder.gpuIds!.includes(gpu));
    if (shared.length > 0) {
      messages.push(`GPU ${shared.join(", ")} ${shared.length > 1 ? "are" : "is"} in use by ${describe(holder)}: select other GPUs or stop it first.`);
    }
  }
  return messages;
}

export function portHolders(active: ActiveHolder[]): { port: number; holder: string }[] {
  return active.map((holder) => ({ port: holder.port, holder: describe(holder) }));
}
