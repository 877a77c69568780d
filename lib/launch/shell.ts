// Display-only POSIX shell rendering of a launch (the console never runs a shell).

/** Characters that never need quoting in a POSIX shell word. */
const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/**
 * `s` as one POSIX shell word: unchanged when it is made only of safe
 * characters, otherwise in single quotes (a quote inside becomes '\'').
 */
export function quoteShellArg(s: string): string {
  if (SAFE_WORD.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface ShellCommand {
  env: Record<string, string>;
  program: string;
  argv: readonly string[];
}

export interface FormatOptions {
  /** One flag (and its values) per line, joined with " \\". */
  multiline?: boolean;
  /** Indentation of continuation lines (default two spaces). */
  indent?: string;
}

/**
 * A copyable command: `VAR=value ... program argv...`. Multiline keeps the
 * words before the first `--flag` on the first line, then puts each `--flag`
 * and the words that follow it on a line of its own.
 */
export function formatShellCommand(command: ShellCommand, options: FormatOptions = {}): string {
  const head: string[] = [];
  for (const [key, value] of Object.entries(command.env)) head.push(`${key}=${quoteShellArg(value)}`);
  // A program word containing "=" would read as an assignment: always quote it then.
  head.push(command.program.includes("=") ? `'${command.program.replace(/'/g, `'\\''`)}'` : quoteShellArg(command.program));

  const lines: string[][] = [head];
  for (const arg of command.argv) {
    const current = lines[lines.length - 1] as string[];
    if (options.multiline && arg.startsWith("--")) {
      lines.push([quoteShellArg(arg)]);
    } else {
      current.push(quoteShellArg(arg));
    }
  }
  if (!options.multiline) return lines.map((line) => line.join(" ")).join(" ");
  const indent = options.indent ?? "  ";
  return lines.map((line, i) => (i === 0 ? "" : indent) + line.join(" ")).join(" \\\n");
}
