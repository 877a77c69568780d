import { execFile } from "node:child_process";
import path from "node:path";
import type { RuntimeReasonCode } from "../../lib/launch/context";
import type { InstalledFlags } from "../../lib/launch/installed-flags";
import { readInstalledFlags } from "./flag-introspection";

export type SglangMode = "auto" | "real" | "simulator";

export interface SglangRuntime {
  python: string;
  simulated: boolean;
  /** SGLang's version when real, the simulator's when simulated. */
  version: string | null;
  /** Extra environment for the launched process (PYTHONPATH for the simulator). */
  env: Record<string, string>;
  /** Why this runtime was chosen, in words for logs and scripts. */
  reason: string;
  /** The same as a code, for the pages to say in the reader's language. */
  reasonCode: RuntimeReasonCode;
  /** Its flags as its own argparse reports them, read once at start; null when they could not be read. */
  flags: InstalledFlags | null;
  /** Where the launch page's flags come from, in words. */
  flagsSource: string;
}

function probeSglang(python: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.PYTHONPATH;
    execFile(python, ["-c", "import sglang; print(getattr(sglang, '__version__', 'unknown'))"], { env, timeout: timeoutMs }, (error, stdout) =>
      resolve(error ? null : stdout.trim() || "unknown"),
    );
  });
}

/**
 * Real SGLang when the configured Python can import it, else the simulator in `simulator/`, started
 * by the very same command with its folder on PYTHONPATH; either way with the flags it reports.
 */
export async function detectSglangRuntime(options: { python: string; mode: SglangMode; projectRoot: string }): Promise<SglangRuntime> {
  const chosen = await chooseRuntime(options);
  const flags = await readInstalledFlags({ python: chosen.python, env: chosen.env, timeoutMs: 120_000, version: chosen.version });
  const who = chosen.simulated ? "the SGLang simulator" : "the installed SGLang";
  const flagsSource = flags
    ? `Flags as ${who} ${flags.version} reports them (read from its argparse at start).`
    : `Flags from the console's catalogue: ${who} did not report its own (checked against the catalogue only).`;
  return { ...chosen, flags, flagsSource };
}

type ChosenRuntime = Omit<SglangRuntime, "flags" | "flagsSource">;

async function chooseRuntime(options: { python: string; mode: SglangMode; projectRoot: string }): Promise<ChosenRuntime> {
  const simulator: ChosenRuntime = {
    python: options.python,
    simulated: true,
    version: null,
    env: { PYTHONPATH: path.join(options.projectRoot, "simulator") },
    reason: "",
    reasonCode: "simulator_fallback",
  };
  if (options.mode === "simulator") return { ...simulator, reason: "SGLANG_MODE=simulator: using the SGLang simulator.", reasonCode: "simulator_forced" };
  const version = await probeSglang(options.python, 60_000);
  if (version) return { python: options.python, simulated: false, version, env: {}, reason: `SGLang ${version} found with ${options.python}.`, reasonCode: "sglang_found" };
  if (options.mode === "real") throw new Error(`SGLANG_MODE=real, but ${options.python} cannot import sglang: set SGLANG_PYTHON to a Python that has SGLang installed.`);
  return { ...simulator, reason: `No SGLang is importable by ${options.python} (set SGLANG_PYTHON to change that): launching the SGLang simulator instead.` };
}
