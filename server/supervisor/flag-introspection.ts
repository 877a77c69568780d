import { execFile } from "node:child_process";
import { installedFlagsSchema, type InstalledFlags } from "../../lib/launch/installed-flags";
import { parseArgparseHelp } from "../../lib/launch/parse-help";

const MARKER = "SGLANG_CONSOLE_FLAGS ";

// Builds the installed SGLang's own parser (ServerArgs.add_cli_args, as launch_server does) and prints each action.
const SCRIPT = `
import argparse, json, sglang
from sglang.srt.server_args import ServerArgs
parser = argparse.ArgumentParser()
ServerArgs.add_cli_args(parser)
flags = [
    {"options": list(a.option_strings), "takesValue": a.nargs != 0,
     "choices": None if a.choices is None else [str(c) for c in a.choices]}
    for a in parser._actions if a.option_strings and a.dest != "help"
]
print(${JSON.stringify(MARKER)} + json.dumps({"version": str(getattr(sglang, "__version__", "unknown")), "flags": flags}))
`;

interface IntrospectionOptions {
  python: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** The version the runtime probe found, for the --help fallback (help text does not say it). */
  version: string | null;
}

/**
 * The flags of the SGLang that `python` imports (the simulator answers the same way), or null when they cannot be
 * read: first from its parser built directly, else from `python -m sglang.launch_server --help`.
 * Run once at start: importing real SGLang takes seconds.
 */
export async function readInstalledFlags(options: IntrospectionOptions): Promise<InstalledFlags | null> {
  const script = await run(options, ["-c", SCRIPT]);
  const line = script?.split("\n").find((text) => text.startsWith(MARKER));
  if (line) {
    try {
      const parsed = installedFlagsSchema.safeParse(JSON.parse(line.slice(MARKER.length)));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall through to --help.
    }
  }
  const help = await run(options, ["-m", "sglang.launch_server", "--help"]);
  const flags = help ? parseArgparseHelp(help) : [];
  return flags.length > 0 ? { version: options.version ?? "unknown", flags } : null;
}

function run(options: IntrospectionOptions, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...options.env };
    if (!options.env.PYTHONPATH) delete env.PYTHONPATH;
    execFile(options.python, args, { env, timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => resolve(error ? null : stdout));
  });
}
