import path from "node:path";
import { AppError } from "../../lib/errors";
import { joinSentences } from "../../lib/i18n/format";
import { resolveHostPort, validateProfile, type GpuHolder, type GpuListing, type InstalledFlags, type LaunchProfile, type ModelInfo } from "../../lib/launch";
import { gpuConflicts, holderOf, portBusyIssue, portHolders, type ActiveHolder } from "./conflicts";
import { launchWords } from "../../lib/launch/words-in-locale";
import { isPortFree } from "./port";

/** An active instance as launch admission sees it. */
export interface ActiveInstance extends ActiveHolder {
  id: string;
}

export interface AdmissionProbes {
  /** The box's GPUs; unknown (no GPU check) when absent or when none is found. */
  listGpus?: () => Promise<GpuListing>;
  /** What a local model path holds. */
  inspectModelPath?: (modelPath: string) => Promise<ModelInfo>;
  /** The installed SGLang's own flags, when they could be read. */
  installedFlags?: InstalledFlags | null;
}

/** GPUs held by active instances: their profile's gpuIds, or every GPU (when the count is known) for a profile without. */
export function gpuHolders(active: ActiveInstance[], gpuCount: number | null): GpuHolder[] {
  const holders: GpuHolder[] = [];
  for (const instance of active) {
    const ids = instance.gpuIds ?? (gpuCount === null ? [] : Array.from({ length: gpuCount }, (_, i) => i));
    for (const gpu of ids) holders.push({ gpu, instanceId: instance.id, holder: holderOf(instance) });
  }
  return holders;
}

/**
 * Throws `validation_failed` with every rule a launch breaks, checked with what only the server knows: a fresh
 * nvidia-smi answer, the GPUs and ports other active instances hold, the model folder on disk, the port itself.
 */
export async function checkLaunchable(profile: LaunchProfile, active: ActiveInstance[], probes: AdmissionProbes): Promise<void> {
  const { host, port } = resolveHostPort(profile);
  const listing = probes.listGpus ? await probes.listGpus() : null;
  // No nvidia-smi answer means "unknown", not "zero": the simulator runs on boxes without GPUs.
  const gpus = listing?.ok ? listing.gpus : null;
  const modelInfo = path.isAbsolute(profile.modelPath) && probes.inspectModelPath ? await probes.inspectModelPath(profile.modelPath) : undefined;
  const issues = validateProfile(profile, {
    gpuCount: gpus?.length ?? null,
    ...(gpus ? { gpuMemoryMiB: gpus.map((gpu) => gpu.memoryTotalMiB), busyGpus: gpuHolders(active, gpus.length) } : {}),
    portsInUse: portHolders(active),
    ...(modelInfo ? { modelInfo } : {}),
    ...(probes.installedFlags ? { installedFlags: probes.installedFlags } : {}),
  }).filter((issue) => issue.severity === "error");
  // With the GPU count unknown, the validator cannot expand "all GPUs": check sharing here instead.
  if (!gpus) issues.push(...gpuConflicts(profile, active));
  if (issues.length === 0 && !(await isPortFree(host, port))) issues.push(portBusyIssue(port, host));
  if (issues.length > 0) {
    throw new AppError("validation_failed", { detail: issues.map((issue) => issue.message).join(" ") }, {
      details: { issues },
      localized: (locale) => ({ detail: joinSentences(issues.map(launchWords(locale).issue), locale) }),
    });
  }
}
