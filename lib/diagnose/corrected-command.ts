/**
 * The run's command rebuilt from what its log shows (server_args), with chosen advice applied:
 * a command to copy, never to execute.
 */
import { buildLaunchArgv, buildLaunchEnv, findFlag, formatShellCommand, valueFromText, type LaunchProfile } from "../launch";
import type { Advice, RunFacts } from "../sglang-log";

/** What applying a piece of advice reads: the knob, which way, and the value (not its words). */
export type AdviceChange = Pick<Advice, "flag" | "action" | "suggestedValue">;

const ENV_ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=(.*)$/;

/** Settings worth repeating from server_args; values SGLang computes itself (batch sizes, token budgets) are left out. */
const FACT_FLAGS: readonly [keyof RunFacts, string][] = [
  ["servedModelName", "--served-model-name"],
  ["tp", "--tp-size"],
  ["dp", "--dp-size"],
  ["ep", "--ep-size"],
  ["pp", "--pp-size"],
  ["memFractionStatic", "--mem-fraction-static"],
  ["contextLength", "--context-length"],
  ["quantization", "--quantization"],
  ["speculativeAlgorithm", "--speculative-algorithm"],
  ["cudaGraphDisabled", "--disable-cuda-graph"],
  ["trustRemoteCode", "--trust-remote-code"],
  ["watchdogTimeout", "--watchdog-timeout"],
  ["host", "--host"],
  ["port", "--port"],
];

/** The launch profile the log shows, or null when it does not show the model (no server_args line). */
export function profileFromFacts(facts: RunFacts): LaunchProfile | null {
  if (!facts.modelPath) return null;
  const flags: LaunchProfile["flags"] = {};
  for (const [key, flag] of FACT_FLAGS) {
    const value = facts[key];
    if (value === null || value === undefined || value === false) continue;
    if (findFlag(flag)?.default === value) continue;
    flags[flag] = value;
  }
  return { name: "diagnosed run", modelPath: facts.modelPath, flags, extraArgs: [], gpuIds: null, env: {} };
}

/** Whether a piece of advice names a concrete change to this command (not "check your network"). */
export function isApplicable(profile: LaunchProfile, advice: AdviceChange): boolean {
  return applyOne(profile, advice) !== null;
}

/** The profile with each piece of advice applied in order (a later one wins on the same flag). */
export function applyAdvice(profile: LaunchProfile, advice: readonly AdviceChange[]): LaunchProfile {
  let next = profile;
  for (const a of advice) next = applyOne(next, a) ?? next;
  return next;
}

export function formatProfileCommand(profile: LaunchProfile, python = "python3"): string {
  return formatShellCommand({ env: buildLaunchEnv(profile), program: python, argv: buildLaunchArgv(profile) }, { multiline: true });
}

/** The corrected command line, or null when the log does not show enough of the run to rebuild it. */
export function correctedCommand(facts: RunFacts, advice: readonly AdviceChange[]): string | null {
  const profile = profileFromFacts(facts);
  return profile === null ? null : formatProfileCommand(applyAdvice(profile, advice));
}

function applyOne(profile: LaunchProfile, advice: AdviceChange): LaunchProfile | null {
  const value = advice.suggestedValue;
  if (advice.action === "check") return null;
  if (advice.flag === null) {
    const env = value === undefined ? null : ENV_ASSIGNMENT.exec(value);
    if (!env || advice.action !== "set") return null;
    return { ...profile, env: { ...profile.env, [env[1] as string]: env[2] as string } };
  }
  const spec = findFlag(advice.flag);
  if (spec === undefined || !spec.name.startsWith("--")) return null;
  if (spec.name === "--model-path") return value === undefined ? null : { ...profile, modelPath: value };
  const flags = { ...profile.flags };
  if (advice.action === "remove") {
    if (!(spec.name in flags)) return null;
    delete flags[spec.name];
  } else if (spec.type === "boolean") {
    if (advice.action !== "add") return null;
    flags[spec.name] = true;
  } else {
    if (value === undefined) return null;
    flags[spec.name] = valueFromText(spec, value);
  }
  return { ...profile, flags };
}
