import path from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseChunked, diagnoseWhole, lineOf, readIndex, readLog } from "./helpers";

const dir = path.resolve(__dirname, "../../../../shared/fixtures/sglang-logs");
/**
 * Labels the shared set gives that issue #22 overrules: a warm-up that failed left HTTP up but never
 * ready, so its phase is `http_up` (a `ready` phase beside `failed_start` would contradict itself);
 * a crash whose traceback shows an illegal memory access is named by it, not by the process death.
 */
const RELABELLED: Record<string, { phase?: string; cause?: string; keyLine?: string }> = {
  "warmup-failed-502.log": { phase: "http_up" },
  "crash-while-serving.log": { cause: "serving_error", keyLine: "RuntimeError: CUDA error: an illegal memory access was encountered" },
};
const rows = readIndex(dir).map((row) => ({ ...row, ...RELABELLED[row.file] }));

describe("labelled SGLang logs (shared fixtures)", () => {
  it("has fixtures to check", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  for (const row of rows) {
    describe(row.file, () => {
      const text = readLog(path.join(dir, row.file));
      const whole = diagnoseWhole(text);

      it(`is diagnosed as ${row.outcome} / ${row.phase} / ${row.cause}`, () => {
        expect(whole.looksLikeSglang).toBe(true);
        expect({ outcome: whole.outcome, phase: whole.phase, cause: whole.cause }).toEqual({ outcome: row.outcome, phase: row.phase, cause: row.cause });
      });

      it("points at the labelled key line", () => {
        const n = lineOf(text, row.keyLine);
        expect(n).toBeGreaterThan(0);
        expect(whole.keyLines).toContain(n);
      });

      it("gives the same diagnosis when fed in random small chunks", () => {
        for (const seed of [1, 7, 42]) {
          expect(diagnoseChunked(text, seed)).toEqual(whole);
        }
      });

      it("gives advice for every failure", () => {
        if (row.cause === "none") expect(whole.advice).toEqual([]);
        else expect(whole.advice.length).toBeGreaterThan(0);
      });
    });
  }
});

describe("facts of a run", () => {
  it("counts a draft model's weights with the target's, once per rank", () => {
    expect(diagnoseWhole(readLog(path.join(dir, "glm47-flash-tp1-eagle-ready.log"))).facts.weightsGb).toBe(59);
    expect(diagnoseWhole(readLog(path.join(dir, "glm47-flash-tp4-ready.log"))).facts.weightsGb).toBe(14.52);
  });
});
