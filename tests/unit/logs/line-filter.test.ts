import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyViewLine, makeLineFilter, mayHoldMarks, stripControls } from "../../../lib/logs/line-filter";

const FIXTURES = path.resolve(__dirname, "../../fixtures/sglang-log-variants");
const fixtureLines = () =>
  fs
    .readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".log"))
    .flatMap((name) => fs.readFileSync(path.join(FIXTURES, name), "utf8").split("\n").map((line) => ({ name, line })));

const test = (spec: Parameters<typeof makeLineFilter>[0]) => {
  const filter = makeLineFilter(spec);
  if (!filter.ok) throw new Error(filter.error);
  return filter.test;
};

describe("log view line classification", () => {
  it("reads level and TP rank through the SGLang classifier", () => {
    expect(classifyViewLine("[2026-03-11 13:53:21 TP3] Load weight begin. avail mem=78.50 GB")).toMatchObject({ level: "INFO", tpRank: 3, mark: "phase", phase: "load_weights" });
    expect(classifyViewLine("[2026-03-11 13:53:21 DP1 TP5 EP5] Decode batch, #running-req: 1")).toMatchObject({ tpRank: 5, mark: null });
    expect(classifyViewLine("[2026-03-11 13:53:21 TP0] Scheduler hit an exception: Traceback (most recent call last):")).toMatchObject({ level: "ERROR", mark: "error" });
    expect(classifyViewLine("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.02 GiB.")).toMatchObject({ level: "ERROR", mark: "error" });
    expect(classifyViewLine("[2026-03-11 13:53:21] WARNING server_args.py:1974: Some setting is deprecated")).toMatchObject({ level: "WARNING" });
    expect(classifyViewLine("/usr/lib/python3/x.py:12: UserWarning: something old")).toMatchObject({ level: "WARNING" });
    expect(classifyViewLine('INFO:     127.0.0.1:4000 - "GET /health HTTP/1.1" 200 OK')).toMatchObject({ level: "INFO", tpRank: null, mark: null });
    expect(classifyViewLine("[2026-03-11 13:53:30] The server is fired up and ready to roll!")).toMatchObject({ mark: "phase", phase: "ready" });
  });

  it("judges a progress bar by its last redraw, as the terminal shows it", () => {
    const bar = "Capturing batches (bs=1):   0%|          | 0/4\rCapturing batches (bs=1): 100%|██████████| 4/4\r";
    expect(stripControls(bar).trim()).toBe("Capturing batches (bs=1): 100%|██████████| 4/4");
  });

  it("the cheap pre-test passes every line the classifier would mark in the fixture logs", () => {
    const missed = fixtureLines().filter(({ line }) => classifyViewLine(line).mark !== null && !mayHoldMarks(line));
    expect(missed).toEqual([]);
  });

  it("the cheap pre-test rejects serving lines, the bulk of a busy log", () => {
    const serving = [
      "[2026-03-11 13:53:21] Decode batch, #running-req: 3, #token: 4000, token usage: 0.12, cuda graph: True, gen throughput (token/s): 1200.00, #queue-req: 0, ",
      '[2026-03-11 13:53:21] Prefill batch, #new-seq: 1, #new-token: 64, #cached-token: 0, token usage: 0.12, #running-req: 3, #queue-req: 0, ',
      'INFO:     127.0.0.1:40000 - "POST /v1/chat/completions HTTP/1.1" 200 OK',
    ];
    expect(serving.filter(mayHoldMarks)).toEqual([]);
  });
});

describe("makeLineFilter", () => {
  it("finds text case-insensitively, ignoring colours", () => {
    const t = test({ query: "load WEIGHT" });
    expect(t("\x1b[32m[2026-03-11 13:53:21 TP0] Load weight begin.\x1b[0m\r")).toBe(true);
    expect(t("[2026-03-11 13:53:21 TP0] Decode batch")).toBe(false);
  });

  it("takes a regular expression, and reports a bad one", () => {
    expect(test({ query: "TP[12]\\]", regex: true })("[2026-03-11 13:53:21 TP2] x")).toBe(true);
    expect(makeLineFilter({ query: "(", regex: true })).toMatchObject({ ok: false });
  });

  it("keeps lines at a level or above and of one TP rank", () => {
    const warnings = test({ level: "WARNING" });
    expect(warnings("[2026-03-11 13:53:21] WARNING x.py:1: careful")).toBe(true);
    expect(warnings("RuntimeError: CUDA error: an illegal memory access was encountered")).toBe(true);
    expect(warnings("[2026-03-11 13:53:21 TP0] Load weight begin.")).toBe(false);
    const rank1 = test({ tpRank: 1 });
    expect(rank1("[2026-03-11 13:53:21 TP1 EP1] Load weight begin.")).toBe(true);
    expect(rank1("[2026-03-11 13:53:21 TP10] Load weight begin.")).toBe(false);
    expect(rank1('INFO:     127.0.0.1:4000 - "GET /health HTTP/1.1" 200 OK')).toBe(false);
  });
});
