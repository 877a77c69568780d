import type { LaunchProfile } from "../../lib/launch";

/** A small launch profile for unit tests: GLM-4.7-Flash from the hub, the given flags, everything else empty. */
export const profile = (flags: LaunchProfile["flags"] = {}, over: Partial<LaunchProfile> = {}): LaunchProfile => ({
  name: "t",
  modelPath: "zai-org/GLM-4.7-Flash",
  flags,
  extraArgs: [],
  gpuIds: null,
  env: {},
  ...over,
});
