import { execFile } from "node:child_process";
import { installedFlagsSchema, type InstalledFlags } from "../../lib/launch/installed-flags";

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

/**
 * The flags of the SGLang that `python` imports (the simulator answers the same way), or null when it cannot be read.
 * Run once at start: importing real SGLang takes seconds.
 */
export function readInstalledFlags(options: { python: string; env: Record<string, string>; timeoutMs: number }): Promise<InstalledFlags | null> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...options.env };
    if (!options.env.PYTHONPATH) delete env.PYTHONPATH;
    execFile(options.python, ["-c", SCRIPT], { env, timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => {
      const line = error ? undefined : stdout.split("\n").find((text) => text.startsWith(MARKER));
      if (!line) return resolve(null);
      try {
        const parsed = installedFlagsSchema.safeParse(JSON.parse(line.slice(MARKER.length)));
        resolve(parsed.success ? parsed.data : null);
      } catch {
        resolve(null);
      }
    });
  });
}
