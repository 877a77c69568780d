// Reads argparse's `--help` text back into flags: the fallback when SGLang's parser cannot be built directly.
import type { InstalledFlag } from "./installed-flags";

/** An option line: two spaces, then the invocation ("--tp-size TP_SIZE, --tensor-parallel-size TP_SIZE"). */
const OPTION_LINE = /^ {2}(-\S.*)$/;

function parseInvocation(invocation: string): InstalledFlag | null {
  const options: string[] = [];
  let takesValue = false;
  let choices: string[] | null = null;
  for (const part of invocation.split(", ")) {
    const [option, argument] = part.split(" ", 2);
    if (!option?.startsWith("--")) continue;
    options.push(option);
    if (argument === undefined) continue;
    takesValue = true;
    const listed = /^\{(.*)\}$/.exec(argument);
    if (listed?.[1] !== undefined) choices = listed[1].split(",");
  }
  return options.length > 0 ? { options, takesValue, choices } : null;
}

/** Every long option argparse's help lists, with whether it takes a value and its choices. */
export function parseArgparseHelp(help: string): InstalledFlag[] {
  const flags: InstalledFlag[] = [];
  for (const line of help.split("\n")) {
    const match = OPTION_LINE.exec(line);
    if (!match?.[1]) continue;
    // The help text follows the invocation after two or more spaces, or on the next lines.
    const flag = parseInvocation(match[1].split(/\s{2,}/)[0] ?? "");
    if (flag) flags.push(flag);
  }
  return flags;
}
