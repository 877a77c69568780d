// Splits pasted shell text into commands and words, the way a POSIX shell
// would for the simple commands people paste (no expansion is performed).

export interface ShellWords {
  /** Each simple command's words, in order. Commands end at a newline, ";", "&" or "|". */
  commands: string[][];
  /** Operators that ended a command (";", "&&", "|", ...), for messages. */
  operators: string[];
  errors: string[];
  /** Each error's message key (launch.issues.<code>), in the same order. */
  errorCodes: string[];
  /** True when a word had $... or `...` outside single quotes (kept literally). */
  hasExpansion: boolean;
}

export function splitShellWords(input: string): ShellWords {
  const text = input.replace(/\r\n?/g, "\n");
  const commands: string[][] = [];
  const operators: string[] = [];
  const errors: string[] = [];
  const errorCodes: string[] = [];
  let hasExpansion = false;

  let words: string[] = [];
  let word = "";
  let inWord = false;

  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "\n") {
        i += 2; // line continuation
        continue;
      }
      if (next === undefined) {
        i += 1;
        continue;
      }
      word += next;
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        errors.push("A single quote (') is never closed.");
        errorCodes.push("shell_single_quote_open");
        word += text.slice(i + 1);
        inWord = true;
        i = text.length;
        continue;
      }
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let closed = false;
      inWord = true;
      while (j < text.length) {
        const d = text[j] as string;
        if (d === '"') {
          closed = true;
          j += 1;
          break;
        }
        if (d === "\\") {
          const next = text[j + 1];
          if (next === "\n") {
            j += 2;
            continue;
          }
          if (next === "$" || next === "`" || next === '"' || next === "\\") {
            word += next;
            j += 2;
            continue;
          }
        }
        if (d === "$" || d === "`") hasExpansion = true;
        word += d;
        j += 1;
      }
      if (!closed) {
        errors.push('A double quote (") is never closed.');
        errorCodes.push("shell_double_quote_open");
      }
      i = j;
      continue;
    }
    if (c === " " || c === "\t") {
      endWord();
      i += 1;
      continue;
    }
    if (c === "\n") {
      endCommand();
      i += 1;
      continue;
    }
    if (c === "#" && !inWord) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === ";" || c === "&" || c === "|") {
      let op = c;
      if (text[i + 1] === c) op += c;
      operators.push(op);
      endCommand();
      i += op.length;
      continue;
    }
    if (c === "$" || c === "`") hasExpansion = true;
    word += c;
    inWord = true;
    i += 1;
  }
  endCommand();
  return { commands, operators, errors, errorCodes, hasExpansion };
}
