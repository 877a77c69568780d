// Reads a pasted SGLang launch command back into a profile.
import { findFlag } from "./flag-catalogue";
import { NEGATIVE_NUMBER_TEXT, valueFromText } from "./flag-values";
import { sortFlags } from "./canonical";
import { SGLANG_MODULE } from "./build-argv";
import { ENV_KEY_PATTERN, launchProfileSchema, type LaunchFlagValue, type LaunchProfile } from "./profile";
import { splitShellWords } from "./shell-words";
import { expandAbbreviation, suggestFlag } from "./suggest";
import type { TextParams } from "./local-text";

export interface ParseMessage {
  /** English, for scripts and logs. */
  message: string;
  /** The page shows launch.issues.<code> with these parameters, in the reader's language. */
  code: string;
  params?: TextParams;
}

const note = (code: string, message: string, params?: TextParams): ParseMessage => (params ? { code, message, params } : { code, message });

export interface ParsedLaunchCommand {
  profile: LaunchProfile | null;
  /** The python executable as written (null for `sglang serve`). */
  python: string | null;
  /** Flags not in the catalogue, as written (they are kept in profile.extraArgs). */
  unknownFlags: string[];
  /** What SGLang would reject, or what kept the command from being read. */
  errors: ParseMessage[];
  /** What was read but changed or noted (duplicates, abbreviations, dropped variables). */
  warnings: ParseMessage[];
}

export interface ParseOptions {
  /** Profile name; defaults to --served-model-name, else the model's last path part. */
  name?: string;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;
const GPU_LIST = /^\d+(,\d+)*$/;

function basename(path: string): string {
  const parts = path.split("/");
  return parts[parts.length - 1] ?? path;
}

/** Whether argparse would take `word` as the value of the option before it. */
function looksLikeValue(word: string | undefined): word is string {
  return word !== undefined && (!word.startsWith("-") || NEGATIVE_NUMBER_TEXT.test(word) || word === "-");
}

export function parseLaunchCommand(text: string, options: ParseOptions = {}): ParsedLaunchCommand {
  const errors: ParseMessage[] = [];
  const warnings: ParseMessage[] = [];
  const unknownFlags: string[] = [];
  const fail = (message: ParseMessage, python: string | null = null): ParsedLaunchCommand => {
    errors.push(message);
    return { profile: null, python, unknownFlags, errors, warnings };
  };

  const lexed = splitShellWords(text);
  for (const [i, message] of lexed.errors.entries()) errors.push(note(lexed.errorCodes[i] ?? "paste_shell", message));
  if (lexed.hasExpansion) {
    warnings.push(note("paste_expansion", "The command contains $ or ` expansions: they are kept literally, as the console runs no shell."));
  }
  const [first, ...rest] = lexed.commands;
  if (!first) return fail(note("paste_no_command", "The text holds no command: paste a line such as python -m sglang.launch_server --model-path ..."));

  // Lines that start with a flag but follow a line without a trailing "\" are
  // almost certainly the same command: join them rather than drop them.
  const words = [...first];
  let joined = 0;
  let ignored = 0;
  for (const command of rest) {
    if (ignored === 0 && (command[0] ?? "").startsWith("-")) {
      words.push(...command);
      joined += 1;
    } else {
      ignored += 1;
    }
  }
  if (joined > 0) warnings.push(note("paste_joined_lines", `${joined} line${joined === 1 ? "" : "s"} continued the command without a trailing backslash; read as part of it.`, { count: joined }));
  if (ignored > 0 || lexed.operators.length > 0) warnings.push(note("paste_first_command_only", "Only the first command was read; the rest of the text was ignored."));

  // Leading VAR=value assignments (optionally after `env`).
  let i = 0;
  if (words[0] === "env") i = 1;
  const assignments: [string, string][] = [];
  while (i < words.length) {
    const match = ASSIGNMENT.exec(words[i] ?? "");
    if (!match) break;
    assignments.push([match[1] ?? "", match[2] ?? ""]);
    i += 1;
  }

  // The program: python[3] -m sglang.launch_server, or sglang serve.
  const program = words[i];
  if (program === undefined) return fail(note("paste_only_variables", "The text sets variables but runs no command."));
  let python: string | null = null;
  const programName = basename(program);
  if (PYTHON.test(programName)) {
    python = program;
    i += 1;
    let module: string | undefined;
    while (i < words.length) {
      const word = words[i] ?? "";
      if (word === "-m") {
        module = words[i + 1];
        i += 2;
        break;
      }
      if (word.startsWith("-m") && word.length > 2) {
        module = word.slice(2);
        i += 1;
        break;
      }
      if (word.startsWith("-")) {
        i += 1; // interpreter options such as -u
        continue;
      }
      break;
    }
    if (module !== SGLANG_MODULE) {
      const message = module ? `The command runs ${module}, not ${SGLANG_MODULE}.` : `The command runs a Python script, not python -m ${SGLANG_MODULE}.`;
      return fail(note("paste_wrong_module", message, { module: module ?? "none", expected: SGLANG_MODULE }), python);
    }
  } else if (programName === "sglang" && words[i + 1] === "serve") {
    i += 2;
  } else {
    return fail(note("paste_wrong_program", `The command starts with ${program}: expected python -m ${SGLANG_MODULE} ... or sglang serve ...`, { program, expected: SGLANG_MODULE }));
  }

  // The server's own arguments.
  let modelPath: string | null = null;
  const flags: Record<string, LaunchFlagValue> = {};
  const extraArgs: string[] = [];
  const setFlag = (name: string, value: LaunchFlagValue) => {
    if (Object.prototype.hasOwnProperty.call(flags, name) && flags[name] !== value) {
      warnings.push(note("paste_given_twice", `${name} is given twice (${String(flags[name])}, then ${String(value)}); SGLang uses the last: ${String(value)}.`, { flag: name, first: String(flags[name]), last: String(value) }));
    }
    flags[name] = value;
  };

  while (i < words.length) {
    const word = words[i] ?? "";
    i += 1;
    if (word === "--") {
      extraArgs.push(word, ...words.slice(i));
      const after = words.slice(i).join(" ");
      errors.push(note("paste_after_double_dash", `Arguments after "--" are not options SGLang reads: ${after || "(none)"}.`, { args: after, empty: after ? "no" : "yes" }));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      extraArgs.push(word);
      errors.push(note("paste_positional", `Unexpected argument ${JSON.stringify(word)}: SGLang takes no positional arguments (did a flag before it lose its "--"?).`, { word: JSON.stringify(word) }));
      continue;
    }
    const eq = word.indexOf("=");
    const written = eq >= 0 ? word.slice(0, eq) : word;
    const inline = eq >= 0 ? word.slice(eq + 1) : undefined;

    let spec = word.startsWith("--") ? findFlag(written) : undefined;
    if (!spec && word.startsWith("--")) {
      const expanded = expandAbbreviation(written);
      if (expanded) {
        spec = findFlag(expanded);
        warnings.push(note("paste_abbreviation", `${written} is an abbreviation of ${expanded}; argparse accepts it, the profile stores ${expanded}.`, { written, flag: expanded }));
      }
    }
    if (!spec) {
      unknownFlags.push(written);
      extraArgs.push(word);
      if (inline === undefined && looksLikeValue(words[i])) {
        extraArgs.push(words[i] as string);
        i += 1;
      }
      const guess = suggestFlag(written);
      const dashed = "--" + written.replace(/^-+/, "").replace(/_/g, "-");
      if (guess && written.includes("_") && findFlag(dashed)) {
        errors.push(note("paste_underscores", `${written} is not accepted by SGLang (flags use dashes); did you mean ${guess}?`, { written, guess }));
      } else if (guess) {
        warnings.push(note("paste_unknown_flag", `${written} is not a known flag (kept in extra arguments); did you mean ${guess}?`, { written, guess }));
      } else {
        warnings.push(note("paste_unknown_flag", `${written} is not in the console's catalogue (kept in extra arguments): SGLang rejects it unless the installed version has it.`, { written, guess: "none" }));
      }
      continue;
    }

    if (spec.type === "boolean") {
      if (inline !== undefined) {
        errors.push(note("paste_switch_value", `${spec.name} is a switch and takes no value (${word}); read as switched on.`, { flag: spec.name, word }));
      }
      setFlag(spec.name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (looksLikeValue(words[i])) {
        value = words[i] as string;
        i += 1;
      } else {
        errors.push(note("paste_needs_value", `${spec.name} needs a value.`, { flag: spec.name }));
        continue;
      }
    }
    if (spec.name === "--model-path") {
      if (modelPath !== null && modelPath !== value) {
        warnings.push(note("paste_given_twice", `--model-path is given twice (${modelPath}, then ${value}); SGLang uses the last: ${value}.`, { flag: "--model-path", first: modelPath, last: value }));
      }
      modelPath = value;
      continue;
    }
    setFlag(spec.name, valueFromText(spec, value));
  }

  // Environment: CUDA_VISIBLE_DEVICES becomes the GPU selection.
  let gpuIds: number[] | null = null;
  const env: Record<string, string> = {};
  for (const [key, value] of assignments) {
    if (key === "CUDA_VISIBLE_DEVICES") {
      const list = value.trim();
      if (list === "") gpuIds = [];
      else if (GPU_LIST.test(list)) gpuIds = list.split(",").map(Number);
      else warnings.push(note("paste_gpu_list", `CUDA_VISIBLE_DEVICES=${value} is not a list of GPU indexes; left out, select the GPUs instead.`, { value }));
      continue;
    }
    if (!ENV_KEY_PATTERN.test(key)) {
      warnings.push(note("paste_variable_name", `The variable ${key} was left out: profile variables are upper-case (A-Z, 0-9, _).`, { name: key }));
      continue;
    }
    env[key] = value;
  }

  if (modelPath === null) return fail(note("paste_no_model", "The command has no --model-path."), python);

  const served = flags["--served-model-name"];
  const name = options.name ?? (typeof served === "string" && served.trim() !== "" ? served : basename(modelPath.replace(/\/+$/, "")) || modelPath);
  const candidate: LaunchProfile = { name: name.slice(0, 100), modelPath, flags: sortFlags(flags), extraArgs, gpuIds, env };
  const checked = launchProfileSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors.push(note("schema", `${issue.path.join(".") || "profile"}: ${issue.message}`));
    return { profile: null, python, unknownFlags, errors, warnings };
  }
  return { profile: checked.data, python, unknownFlags, errors, warnings };
}
