// What an operator may launch, checked on the final argv and environment (administrators may do anything).
// argparse also accepts `--flag=value` and any unambiguous prefix of a flag (`--ho`), so a flag is matched by
// every spelling argparse would take for it.

import { isLoopbackHostName } from "../request-guard";
import { localText, type LocalText } from "./local-text";

/** Variables that make the server load code of someone's choosing. */
export const CODE_LOADING_ENV = ["LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONUSERBASE", "PATH", "BASH_ENV", "ENV"] as const;

const HOST_FLAG = "--host";
/** Flags whose value is a folder the server loads weights, tokenizers or code from. */
const MODEL_PATH_FLAGS = ["--model-path", "--model", "--tokenizer-path", "--speculative-draft-model-path"] as const;

export interface LaunchPolicyInput {
  /** The arguments after the python executable, as the supervisor will run them. */
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  modelsDirs: readonly string[];
  /** The real path of a local path (symlinks resolved), or null when nothing exists there. */
  realPath: (path: string) => string | null;
}

/** Every value given to `flag`, however argparse would have been given it. */
export function flagValues(argv: readonly string[], flag: string, minPrefix = 4): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith("--")) continue;
    const eq = token.indexOf("=");
    const name = eq === -1 ? token : token.slice(0, eq);
    if (!(name === flag || (name.length >= minPrefix && flag.startsWith(name)))) continue;
    if (eq !== -1) values.push(token.slice(eq + 1));
    else if (i + 1 < argv.length) values.push(argv[i + 1]!);
  }
  return values;
}

const isLoopbackAddress = (value: string) => isLoopbackHostName(value.trim().toLowerCase()) || value.trim() === "[::1]";

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith("/") ? parent : `${parent}/`);

/** One reason an operator may not launch this: English for the API and logs, and the words a page shows (launch.policy.*). */
export interface PolicyViolation {
  message: string;
  text: LocalText;
}

/** The reasons an operator may not launch this; empty when it may. */
export function launchPolicyViolations(input: LaunchPolicyInput): PolicyViolation[] {
  const violations = new Map<string, PolicyViolation>();
  const add = (message: string, text: LocalText) => violations.set(message, { message, text });
  for (const host of flagValues(input.argv, HOST_FLAG)) {
    if (!isLoopbackAddress(host)) add(`--host ${host}: operators may bind only to loopback (127.0.0.1, localhost, ::1); ask an administrator to expose a server`, localText("policy.host", { host }));
  }
  const names = CODE_LOADING_ENV.join(", ");
  for (const name of Object.keys(input.env)) {
    if ((CODE_LOADING_ENV as readonly string[]).includes(name)) add(`${name}: operators may not set variables that load code (${names})`, localText("policy.codeLoadingEnv", { name, names }));
  }
  const dirs = input.modelsDirs.map((dir) => input.realPath(dir) ?? dir);
  for (const flag of MODEL_PATH_FLAGS) {
    // `--model` is also a prefix of `--model-path`: read each spelling once, exactly.
    for (const value of flagValues(input.argv, flag, flag === "--model" ? Number.POSITIVE_INFINITY : 4)) {
      const real = input.realPath(value);
      if (dirs.length === 0) add(`${flag} ${value}: operators may launch only models under MODELS_DIR, and none is set`, localText("policy.noModelsDir", { flag, value }));
      else if (real === null || !dirs.some((dir) => isInside(real, dir))) {
        add(`${flag} ${value}: operators may launch only models in ${dirs.join(", ")} (after resolving symlinks)`, localText("policy.modelOutside", { flag, value, dirs: dirs.join(", ") }));
      }
    }
  }
  return [...violations.values()];
}
