import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyAdvice, correctedCommand, isApplicable, profileFromFacts, type AdviceChange } from "../../../lib/diagnose";
import { parseLaunchCommand } from "../../../lib/launch";
import { diagnoseLog, emptyFacts } from "../../../lib/sglang-log";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/sglang-logs");
const diagnose = (name: string) => diagnoseLog(fs.readFileSync(path.join(FIXTURES, name), "utf8"));

describe("the corrected command line", () => {
  it("rebuilds the run from server_args and raises --mem-fraction-static for a KV cache that did not fit", () => {
    const d = diagnose("oom-kv-cache-not-enough-memory.log");
    const first = d.advice[0]!;
    expect(first.flag).toBe("--mem-fraction-static");
    expect(first.action).toBe("increase");
    const command = correctedCommand(d.facts, [first])!;
    expect(command).toContain(`--model-path ${d.facts.modelPath}`);
    expect(command).toContain(`--mem-fraction-static ${first.suggestedValue}`);
    expect(command).not.toContain(`--mem-fraction-static ${d.facts.memFractionStatic} `);
    const parsed = parseLaunchCommand(command);
    expect(parsed.profile?.flags["--mem-fraction-static"]).toBe(Number(first.suggestedValue));
  });

  it("leaves out settings at SGLang's default and keeps the parallel sizes that differ", () => {
    const profile = profileFromFacts({ ...emptyFacts(), modelPath: "/models/m", tp: 4, dp: 1, port: 30000, memFractionStatic: 0.8 })!;
    expect(profile.flags).toEqual({ "--tp-size": 4, "--mem-fraction-static": 0.8 });
  });

  it("cannot rebuild a run whose log does not show the model", () => {
    expect(profileFromFacts(emptyFacts())).toBeNull();
    expect(correctedCommand(emptyFacts(), [])).toBeNull();
  });

  it("applies switches, removals, environment variables and typed values, and skips advice that only says to check", () => {
    const profile = profileFromFacts({ ...emptyFacts(), modelPath: "/m", speculativeAlgorithm: "EAGLE" })!;
    const advice: AdviceChange[] = [
      { flag: "--disable-cuda-graph", action: "add" },
      { flag: "--speculative-algorithm", action: "remove" },
      { flag: null, action: "set", suggestedValue: "NCCL_P2P_DISABLE=1" },
      { flag: "--cuda-graph-max-bs", action: "decrease", suggestedValue: "80" },
      { flag: "--dist-init-addr", action: "check" },
      { flag: "--context-length", action: "decrease" },
    ];
    expect(advice.map((a) => isApplicable(profile, a))).toEqual([true, true, true, true, false, false]);
    const next = applyAdvice(profile, advice);
    expect(next.flags).toEqual({ "--disable-cuda-graph": true, "--cuda-graph-max-bs": 80 });
    expect(next.env).toEqual({ NCCL_P2P_DISABLE: "1" });
  });
});
