import { describe, expect, it } from "vitest";
import { findFlag, findInstalledFlag, specAsInstalled, validateProfile, type InstalledFlags, type LaunchProfile } from "../../../lib/launch";

const profile = (flags: LaunchProfile["flags"], extraArgs: string[] = []): LaunchProfile => ({
  name: "t",
  modelPath: "zai-org/GLM-4.7-Flash",
  flags,
  extraArgs,
  gpuIds: null,
  env: {},
});

/** An older SGLang: no --cuda-graph-backend-decode, a parser the catalogue does not know, fewer reasoning parsers. */
const installed: InstalledFlags = {
  version: "0.5.2",
  flags: [
    { options: ["--model-path", "--model"], takesValue: true, choices: null },
    { options: ["--tp-size", "--tensor-parallel-size"], takesValue: true, choices: null },
    { options: ["--tp-worker-timeout"], takesValue: true, choices: null },
    { options: ["--tool-call-parser"], takesValue: true, choices: ["glm45", "qwen25", "future_parser"] },
    { options: ["--reasoning-parser"], takesValue: true, choices: ["glm45", "qwen3"] },
    { options: ["--enable-metrics"], takesValue: false, choices: null },
    { options: ["--brand-new-flag"], takesValue: true, choices: null },
  ],
};
const box = { gpuCount: null, installedFlags: installed };
const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe("validation against the flags the installed SGLang reports", () => {
  it("accepts a choice the installed SGLang has although the catalogue lacks it", () => {
    expect(validateProfile(profile({ "--tool-call-parser": "future_parser" }), { gpuCount: null }).map((i) => i.code)).toEqual(["invalid_choice"]);
    expect(validateProfile(profile({ "--tool-call-parser": "future_parser" }), box)).toEqual([]);
  });

  it("refuses a catalogue flag the installed SGLang lacks, naming the version", () => {
    const issues = validateProfile(profile({ "--cuda-graph-backend-decode": "disabled" }), box);
    expect(issues).toMatchObject([
      { field: "--cuda-graph-backend-decode", severity: "error", code: "flag_not_installed", message: "--cuda-graph-backend-decode is not a flag of the installed SGLang 0.5.2: remove it, or upgrade SGLang." },
    ]);
  });

  it("refuses a catalogue choice the installed SGLang lacks, listing its own choices", () => {
    const [issue] = validateProfile(profile({ "--tool-call-parser": "glm47" }), box);
    expect(issue?.code).toBe("choice_not_installed");
    expect(issue?.message).toBe("--tool-call-parser glm47 is not a choice of the installed SGLang 0.5.2: choose one of glm45, qwen25, future_parser, or upgrade SGLang.");
  });

  it("takes extra arguments the installed SGLang has without a warning and refuses those it lacks", () => {
    expect(validateProfile(profile({}, ["--brand-new-flag", "1"]), box)).toEqual([]);
    expect(codes(validateProfile(profile({}, ["--brand-new-flag", "1"]), { gpuCount: null }))).toEqual(["extra_unknown_flag"]);
    expect(codes(validateProfile(profile({}, ["--not-there"]), box))).toEqual(["extra_not_installed"]);
    expect(codes(validateProfile(profile({}, ["--reasoning_parser", "glm45"]), box))).toEqual(["extra_unknown_flag", "extra_not_installed"]);
  });

  it("resolves argparse abbreviations against the installed parser: --tp is ambiguous where --tp-worker-timeout exists", () => {
    expect(findInstalledFlag(installed, "--tensor")?.options[0]).toBe("--tp-size");
    expect(findInstalledFlag(installed, "--tp")).toBeUndefined();
    expect(codes(validateProfile(profile({}, ["--tp", "2"]), box))).toContain("extra_not_installed");
  });

  it("offers the installed SGLang's own choice list in the form, and the catalogue's when nothing is installed", () => {
    const spec = findFlag("--tool-call-parser")!;
    expect(specAsInstalled(spec, installed).choices).toEqual(["glm45", "qwen25", "future_parser"]);
    expect(specAsInstalled(spec, null)).toBe(spec);
    expect(specAsInstalled(findFlag("--tp-size")!, installed).choices).toBeUndefined();
  });
});
