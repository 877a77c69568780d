import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInstalledFlags } from "../../server/supervisor/flag-introspection";
import { PROJECT_ROOT } from "../support/console-process";

const simulator = { PYTHONPATH: path.join(PROJECT_ROOT, "simulator") };
let dir: string;
let noDirectParser: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "introspection-"));
  // A Python whose SGLang parser cannot be built directly (the -c script fails), so only --help is left.
  noDirectParser = path.join(dir, "python");
  fs.writeFileSync(noDirectParser, '#!/bin/sh\nif [ "$1" = "-c" ]; then exit 1; fi\nexec python3 "$@"\n', { mode: 0o755 });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("reading the installed SGLang's flags", () => {
  it("builds the parser through ServerArgs.add_cli_args and reports the version with each flag's spellings and choices", async () => {
    const flags = await readInstalledFlags({ python: "python3", env: simulator, timeoutMs: 30_000, version: null });
    expect(flags?.version).toBe("0.5.9");
    expect(flags?.flags).toContainEqual({ options: ["--tp-size", "--tensor-parallel-size"], takesValue: true, choices: null });
    expect(flags?.flags.find((flag) => flag.options[0] === "--tool-call-parser")?.choices).toContain("glm47");
  });

  it("falls back to parsing --help, with the same flags and choices", async () => {
    const direct = await readInstalledFlags({ python: "python3", env: simulator, timeoutMs: 30_000, version: null });
    const fromHelp = await readInstalledFlags({ python: noDirectParser, env: simulator, timeoutMs: 30_000, version: "0.5.9" });
    expect(fromHelp?.version).toBe("0.5.9");
    expect(fromHelp?.flags.filter((flag) => flag.options[0] !== "--help")).toEqual(direct?.flags);
  });

  it("answers null when the Python has no SGLang", async () => {
    expect(await readInstalledFlags({ python: "python3", env: {}, timeoutMs: 30_000, version: null })).toBeNull();
  });
});
