import { describe, expect, it } from "vitest";
import {
  countIssues,
  findFlag,
  flagValueFromInput,
  formatEnvText,
  formatExtraArgs,
  GLM47_FLASH_PRESETS,
  issuesByField,
  mergeIssues,
  parseEnvText,
  parseExtraArgsText,
  searchFlags,
  withFlag,
  type ValidationIssue,
} from "../../../lib/launch";

const preset = GLM47_FLASH_PRESETS[0]!.profile;
const spec = (name: string) => findFlag(name)!;

describe("searchFlags", () => {
  it("finds a flag by a part of its name, an alias or words of its help", () => {
    expect(searchFlags("mem-fraction").map((s) => s.name)).toEqual(["--mem-fraction-static"]);
    expect(searchFlags("--tensor-parallel").map((s) => s.name)).toEqual(["--tp-size"]);
    expect(searchFlags("reasoning content").map((s) => s.name)).toContain("--reasoning-parser");
    expect(searchFlags("mem_fraction").map((s) => s.name)).toEqual(["--mem-fraction-static"]);
  });

  it("finds nothing for an empty query", () => {
    expect(searchFlags("  ")).toEqual([]);
  });
});

describe("form values", () => {
  it("stores numbers for numeric text, text otherwise, and nothing for an empty field", () => {
    expect(flagValueFromInput(spec("--mem-fraction-static"), "0.85")).toBe(0.85);
    expect(flagValueFromInput(spec("--tp-size"), " 4 ")).toBe(4);
    expect(flagValueFromInput(spec("--context-length"), "128k")).toBe("128k");
    expect(flagValueFromInput(spec("--tp-size"), "four")).toBe("four");
    expect(flagValueFromInput(spec("--tp-size"), "")).toBeUndefined();
  });

  it("sets a flag in catalogue order and removes it when unset or switched off", () => {
    const withEp = withFlag(preset, "--ep-size", 1);
    expect(Object.keys(withEp.flags).slice(0, 2)).toEqual(["--tp-size", "--ep-size"]);
    expect(withFlag(withEp, "--ep-size", undefined).flags).toEqual(preset.flags);
    expect(withFlag(preset, "--enable-metrics", false).flags["--enable-metrics"]).toBeUndefined();
    expect(preset.flags["--enable-metrics"]).toBe(true);
  });
});

describe("extra arguments text", () => {
  it("splits shell words over several lines, quotes kept together", () => {
    expect(parseExtraArgsText(`--foo 'a b'\n--bar=1`)).toEqual({ args: ["--foo", "a b", "--bar=1"], errors: [], problems: [] });
  });

  it("refuses shell operators, since no shell runs", () => {
    expect(parseExtraArgsText("--foo | tee log").errors[0]).toContain("Remove |");
  });

  it("writes argv back as text that reads the same", () => {
    const args = ["--foo", "a b", "--bar=it's"];
    expect(parseExtraArgsText(formatExtraArgs(args)).args).toEqual(args);
  });
});

describe("environment text", () => {
  it("reads NAME=value lines, skipping blanks and comments", () => {
    expect(parseEnvText("# tokens\nHF_TOKEN=abc=def\n\nSGLANG_X=1")).toEqual({ env: { HF_TOKEN: "abc=def", SGLANG_X: "1" }, errors: [], problems: [] });
    expect(parseEnvText(formatEnvText({ A: "1", B_2: "x y" })).env).toEqual({ A: "1", B_2: "x y" });
  });

  it("points at a malformed line and refuses CUDA_VISIBLE_DEVICES (the GPU picker sets it)", () => {
    expect(parseEnvText("lower=1").errors).toEqual(["Line 1: write NAME=value with an upper-case NAME (A-Z, 0-9, _)."]);
    expect(parseEnvText("A=1\nCUDA_VISIBLE_DEVICES=0").errors[0]).toMatch(/^Line 2: select the GPUs/);
  });
});

describe("issues per field", () => {
  const issue = (field: string, severity: "error" | "warning", message = `${field} ${severity}`): ValidationIssue => ({ field, severity, code: "x", message });

  it("groups by field with errors first, and counts a group's errors and warnings", () => {
    const issues = [issue("--port", "warning"), issue("--port", "error"), issue("gpuIds", "error")];
    expect(issuesByField(issues).get("--port")!.map((i) => i.severity)).toEqual(["error", "warning"]);
    expect(countIssues(issues, new Set(["--port", "--host"]))).toEqual({ errors: 1, warnings: 1 });
  });

  it("shows an issue found by both browser and server once", () => {
    expect(mergeIssues([issue("--port", "error", "taken")], [issue("--port", "error", "taken"), issue("--port", "error", "other")])).toHaveLength(2);
  });
});
