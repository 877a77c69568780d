import path from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseChunked, diagnoseWhole, lineOf, readIndex, readLog } from "./helpers";

const dir = path.resolve(__dirname, "../../fixtures/sglang-log-variants");
const rows = readIndex(dir);
const CONFIDENT_CAUSES_FORBIDDEN_FOR_NON_SGLANG = ["oom_weights", "oom_kv_cache", "oom_cuda_graph", "oom_serving", "port_in_use", "nccl"];

describe("composed variants of SGLang logs", () => {
  it("covers at least 90 variants", () => {
    expect(rows.length).toBeGreaterThanOrEqual(90);
  });

  for (const row of rows) {
    const nonSglang = row.outcome === "unknown";
    describe(`${row.file} (${row.note})`, () => {
      const text = readLog(path.join(dir, row.file));
      const whole = diagnoseWhole(text);

      if (nonSglang) {
        it("is not taken for an SGLang log and gets no confident cause", () => {
          expect(whole.looksLikeSglang).toBe(false);
          expect(whole.cause).toBe("other");
          expect(CONFIDENT_CAUSES_FORBIDDEN_FOR_NON_SGLANG).not.toContain(whole.cause);
          expect(whole.readyLineSeen).toBe(false);
          expect(whole.outcome).toBe("unknown");
          expect(whole.phase).toBe("unknown");
        });
      } else {
        it(`is diagnosed as ${row.outcome} / ${row.phase} / ${row.cause}`, () => {
          expect(whole.looksLikeSglang).toBe(true);
          expect({ outcome: whole.outcome, phase: whole.phase, cause: whole.cause }).toEqual({ outcome: row.outcome, phase: row.phase, cause: row.cause });
        });
        if (row.keyLine) {
          it("points at the key line", () => {
            const n = lineOf(text, row.keyLine);
            expect(n).toBeGreaterThan(0);
            expect(whole.keyLines).toContain(n);
          });
        }
      }

      it("gives the same diagnosis when fed in random small chunks", () => {
        expect(diagnoseChunked(text, 3)).toEqual(whole);
        expect(diagnoseChunked(text, 11, 3)).toEqual(whole);
      });
    });
  }
});

describe("specific variant details", () => {
  const diag = (f: string) => diagnoseWhole(readLog(path.join(dir, f)));

  it("names the rank whose traceback came first when tracebacks interleave", () => {
    expect(diag("interleaved-rank-tracebacks-oom-weights.log").failedRank).toBe("TP3");
  });

  it("keeps DP and TP tags together in the failed rank", () => {
    expect(diag("dp-attention-dp1-tp2-oom-kv-current-value.log").failedRank).toBe("DP1 TP2");
  });

  it("reports the phase from bars alone in a --log-level warning log, without claiming readiness", () => {
    const d = diag("log-level-warning-bars-only.log");
    expect(d.phase).toBe("cuda_graph");
    expect(d.readyLineSeen).toBe(false);
    expect(d.progress).toMatchObject({ done: 23, total: 23, percent: 100 });
  });

  it("reads the 2026 server_args dict form", () => {
    const d = diag("format-2026-info-file-dict-args-ready.log");
    expect(d.facts.modelPath).toBe("/models/GLM-4.7-Flash");
    expect(d.facts.tp).toBe(1);
    expect(d.facts.port).toBe(30000);
    expect(d.facts.quantization).toBe("fp8");
  });

  it("reads facts through docker timestamps", () => {
    const d = diag("docker-timestamps-ready.log");
    expect(d.facts.modelPath).toBe("/models/Qwen3-8B");
    expect(d.facts.architecture).toBe("Qwen3ForCausalLM");
  });

  it("treats a notebook stop (exit code 9) after ready as no crash", () => {
    const d = diag("notebook-stop-exit-code-9.log");
    expect(d.outcome).toBe("ready");
    expect(d.cause).toBe("none");
  });
});
