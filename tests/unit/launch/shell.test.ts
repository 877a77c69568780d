import { describe, expect, it } from "vitest";
import { formatShellCommand, quoteShellArg, splitShellWords } from "../../../lib/launch";

/** What a POSIX shell would make of the quoted word. */
const unquote = (word: string) => splitShellWords(word).commands[0] ?? [];

describe("quoteShellArg", () => {
  it("leaves plain words alone", () => {
    for (const word of ["--tp-size", "8", "zai-org/GLM-4.7-Flash", "0.8", "/models/glm", "a=b", "0,1,2"]) expect(quoteShellArg(word)).toBe(word);
  });

  it("single-quotes hostile strings so the shell reads them back as one literal word", () => {
    const hostile = ["a'b; rm -rf /", "$(x)", "`id`", "line\nbreak", "", " ", "~root", "#comment", "a\\b", "*", "x&&y", '"q"', "'", "''", "$HOME", "tab\there", "é ü"];
    for (const s of hostile) {
      const quoted = quoteShellArg(s);
      expect(quoted.startsWith("'"), JSON.stringify(s)).toBe(true);
      expect(unquote(quoted), JSON.stringify(s)).toEqual([s]);
    }
  });

  it("escapes an embedded single quote as '\\''", () => {
    expect(quoteShellArg("a'b; rm -rf /")).toBe("'a'\\''b; rm -rf /'");
    expect(quoteShellArg("$(x)")).toBe("'$(x)'");
  });
});

describe("formatShellCommand", () => {
  const command = { env: { CUDA_VISIBLE_DEVICES: "0,1" }, program: "python", argv: ["-m", "sglang.launch_server", "--model-path", "m/x", "--tp-size", "2", "--enable-metrics"] };

  it("puts env assignments before the program on one line", () => {
    expect(formatShellCommand(command)).toBe("CUDA_VISIBLE_DEVICES=0,1 python -m sglang.launch_server --model-path m/x --tp-size 2 --enable-metrics");
  });

  it("writes one flag and its value per line with backslash continuations when multiline", () => {
    expect(formatShellCommand(command, { multiline: true })).toBe(
      ["CUDA_VISIBLE_DEVICES=0,1 python -m sglang.launch_server \\", "  --model-path m/x \\", "  --tp-size 2 \\", "  --enable-metrics"].join("\n"),
    );
  });

  it("quotes env values and a program path with spaces", () => {
    const text = formatShellCommand({ env: { HF_TOKEN: "a b'c" }, program: "/opt/my env/bin/python", argv: ["-m", "x"] });
    expect(text).toBe("HF_TOKEN='a b'\\''c' '/opt/my env/bin/python' -m x");
    expect(unquote(text)).toEqual(["HF_TOKEN=a b'c", "/opt/my env/bin/python", "-m", "x"]);
  });
});

describe("splitShellWords", () => {
  it("joins backslash-newline continuations and drops comments", () => {
    const { commands } = splitShellWords("# start the server\npython -m a \\\n  --x 1 # trailing\n");
    expect(commands).toEqual([["python", "-m", "a", "--x", "1"]]);
  });

  it("reads double quotes with their backslash escapes", () => {
    expect(splitShellWords('say "a \\"b\\" \\$c d\\e"').commands[0]).toEqual(["say", 'a "b" $c d\\e']);
  });

  it("ends a command at ; && and | and reports an unclosed quote", () => {
    const split = splitShellWords("a b; c && d | e");
    expect(split.commands).toEqual([["a", "b"], ["c"], ["d"], ["e"]]);
    expect(splitShellWords("a 'b").errors).toHaveLength(1);
  });
});
