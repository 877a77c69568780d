import type { LaunchContextView } from "@/lib/launch";
import type { Services } from "@/server/services";

/** GPUs, their holders, ports in use and models, read in parallel (for the launch page and its refresh route). */
export async function readLaunchContext(services: Services): Promise<LaunchContextView> {
  const [gpus, models] = await Promise.all([services.listGpus(), services.scanModels()]);
  return {
    gpus,
    gpuHolders: services.supervisor.gpuHolders(gpus.ok ? gpus.gpus.length : null),
    portsInUse: services.supervisor.portHolders(),
    models,
    modelsDirs: services.env.modelsDirs,
    runtime: {
      python: services.runtime.python,
      simulated: services.runtime.simulated,
      reason: services.runtime.reason,
      reasonCode: services.runtime.reasonCode,
      flagsSource: services.runtime.flagsSource,
      installedFlags: services.runtime.flags,
    },
    serverEnv: services.supervisor.serverEnvBase(),
  };
}
