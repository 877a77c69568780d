import { describe, expect, it } from "vitest";
import { classifyLogLine, createLogDiagnoser, normaliseLine, parseProgressBar, splitSegments, stripAnsi } from "../../../lib/sglang-log";

describe("normaliseLine: SGLang prefixes", () => {
  it("reads a tp1 line with no rank tag", () => {
    const l = normaliseLine("[2025-06-17 03:51:51] Init torch distributed begin.");
    expect(l).toMatchObject({ timestamp: "2025-06-17 03:51:51", rank: null, text: "Init torch distributed begin.", sglangPrefix: true });
  });

  it.each([
    ["[2026-03-11 13:53:21 TP0] x", "TP0"],
    ["[2026-03-11 13:53:21 TP0 EP0] x", "TP0 EP0"],
    ["[2026-03-11 13:53:21 DP2 TP5] x", "DP2 TP5"],
    ["[2026-03-11 13:53:21 DP2 TP2 EP2] x", "DP2 TP2 EP2"],
    ["[2026-03-11 13:53:21 PP0 TP1 EP1] x", "PP0 TP1 EP1"],
  ])("keeps the rank tags of %s", (line, rank) => {
    expect(normaliseLine(line)).toMatchObject({ rank, text: "x" });
  });

  it("strips the 2026 level and source after the prefix", () => {
    const l = normaliseLine("[2026-03-03 23:22:54] INFO server_args.py:1974: server_args={'model_path': '/m'}");
    expect(l).toMatchObject({ level: "INFO", source: "server_args.py:1974", text: "server_args={'model_path': '/m'}" });
  });

  it("reads the other logging format with the rank inside the brackets", () => {
    const l = normaliseLine("2026-03-18 11:22:05.874 INFO 120984 [ TP0 model_runner.py:301] Load weight begin. avail mem=23.50 GB");
    expect(l).toMatchObject({ rank: "TP0", level: "INFO", text: "Load weight begin. avail mem=23.50 GB" });
  });

  it("takes 2024 `Rank 0:` lines as rank TP0", () => {
    expect(normaliseLine("Rank 0: load weight end.")).toMatchObject({ rank: "TP0", text: "load weight end." });
  });

  it("strips uvicorn's level, also behind a 0.4-era timestamp", () => {
    expect(normaliseLine("INFO:     Started server process [40984]").text).toBe("Started server process [40984]");
    expect(normaliseLine("[2024-12-13 01:45:02] INFO:     Started server process [3831493]").text).toBe("Started server process [3831493]");
  });
});

describe("normaliseLine: wrapper prefixes", () => {
  it.each([
    ["docker --timestamps", "2025-07-25T07:53:08.217487080Z [2025-07-25 07:53:08 TP2] Load weight end."],
    ["containerd CRI", "2025-07-25T07:53:08.21748708+08:00 stdout F [2025-07-25 07:53:08 TP2] Load weight end."],
    ["compose service", "sglang-1  | [2025-07-25 07:53:08 TP2] Load weight end."],
    ["Ray actor", "(SGLangEngine pid=23902) [2025-07-25 07:53:08 TP2] Load weight end."],
    ["an unknown wrapper before the prefix", "node-7 >>> [2025-07-25 07:53:08 TP2] Load weight end."],
  ])("finds the SGLang prefix behind %s", (_name, line) => {
    expect(normaliseLine(line)).toMatchObject({ rank: "TP2", text: "Load weight end.", sglangPrefix: true });
    expect(normaliseLine(line).wrapper).not.toBeNull();
  });

  it("strips ANSI colour codes", () => {
    expect(stripAnsi("\x1b[32m[2025-01-01 00:00:00 TP0] ok\x1b[0m")).toBe("[2025-01-01 00:00:00 TP0] ok");
    expect(normaliseLine("\x1b[1;31mRuntimeError: boom\x1b[0m").text).toBe("RuntimeError: boom");
  });
});

describe("splitSegments", () => {
  it("splits carriage-return redraws of a progress bar", () => {
    expect(splitSegments("a:  0%| | 0/2\ra: 50%| | 1/2\ra:100%| | 2/2")).toHaveLength(3);
  });

  it("splits another rank's line glued onto a bar", () => {
    const segs = splitSegments("  0%|          | 0/13 [00:00<?, ?it/s][2025-03-07 12:31:40 TP2] Load weight end. type=X");
    expect(segs).toEqual(["  0%|          | 0/13 [00:00<?, ?it/s]", "[2025-03-07 12:31:40 TP2] Load weight end. type=X"]);
  });

  it("does not split a docker stamp from the prefix it wraps", () => {
    expect(splitSegments("2025-07-25T07:53:08Z [2025-07-25 07:53:08 TP2] x")).toHaveLength(1);
  });

  it("ignores CRLF's carriage return", () => {
    expect(splitSegments("[2025-07-25 07:53:08] x\r")).toEqual(["[2025-07-25 07:53:08] x"]);
  });
});

describe("parseProgressBar", () => {
  it("reads the safetensors bar", () => {
    expect(parseProgressBar("Loading safetensors checkpoint shards:  50% Completed | 24/48 [00:10<00:10,  2.30it/s]")).toEqual({
      label: "Loading safetensors checkpoint shards",
      done: 24,
      total: 48,
      percent: 50,
    });
  });

  it("reads the capture bar with bs and avail_mem in its label", () => {
    expect(parseProgressBar("Capturing batches (bs=160 avail_mem=10.71 GB):  13%|█         | 3/23 [00:01<00:06,  3.05it/s]")).toMatchObject({
      label: "Capturing batches (bs=160 avail_mem=10.71 GB)",
      done: 3,
      total: 23,
    });
  });

  it("returns null for text that is not a bar", () => {
    expect(parseProgressBar("token usage: 0.50 | nothing")).toBeNull();
  });
});

describe("classifyLogLine", () => {
  it("a specific error outranks the generic signs of a dead child", () => {
    const oom = classifyLogLine("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.02 GiB.", { phase: "load_weights", frameHint: null, speculative: false });
    const sigquit = classifyLogLine("[2026-03-11 14:35:17] Received sigquit from a child process. It usually means the child failed.");
    const child = classifyLogLine("Child process unexpectedly failed with an exit code 256. pid=97721");
    const header = classifyLogLine("[2026-03-11 14:35:17 TP2] Scheduler hit an exception: Traceback (most recent call last):");
    expect(oom.failure?.cause).toBe("oom_weights");
    for (const generic of [sigquit, child, header]) {
      expect(generic.failure?.cause).toBe("child_crashed");
      expect(oom.failure!.strength).toBeGreaterThan(generic.failure!.strength);
    }
  });

  it("places a CUDA OOM in the phase it happened in", () => {
    const at = (phase: "load_weights" | "kv_cache" | "cuda_graph" | "serving") =>
      classifyLogLine("torch.OutOfMemoryError: CUDA out of memory.", { phase, frameHint: null, speculative: false }).failure?.cause;
    expect([at("load_weights"), at("kv_cache"), at("cuda_graph"), at("serving")]).toEqual(["oom_weights", "oom_kv_cache", "oom_cuda_graph", "oom_serving"]);
  });

  it("does not read trust_remote_code=False in server_args as a failure", () => {
    const s = classifyLogLine("[2026-03-11 13:59:40] server_args=ServerArgs(model_path='/m', trust_remote_code=False, watchdog_timeout=300, port=30000)");
    expect(s.failure).toBeNull();
    expect(s.facts).toMatchObject({ modelPath: "/m", trustRemoteCode: false, watchdogTimeout: 300, port: 30000 });
  });

  it("tells a watchdog timeout from NCCL's collective watchdog", () => {
    expect(classifyLogLine("[2026-01-01 00:00:00 TP3] Watchdog timeout (self.watchdog_timeout=300)").failure?.cause).toBe("watchdog_timeout");
    expect(classifyLogLine("[Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1)").failure?.cause).toBe("nccl");
  });

  it("accepts the early-2025 spelling `proces`", () => {
    expect(classifyLogLine("Received sigquit from a child proces. It usually means the child failed.").failure?.cause).toBe("child_crashed");
  });

  it("recognises the ready line and serving lines", () => {
    expect(classifyLogLine("[2026-03-11 14:00:27] The server is fired up and ready to roll!").ready).toBe(true);
    expect(classifyLogLine("[2026-03-11 14:00:30 TP0] Decode batch. #running-req: 1, #token: 60").serving).toBe("decode");
  });

  it("reads --log-requests lines as serving, whatever the user's text in them says", () => {
    const received = classifyLogLine(`[2026-03-11 14:00:31] Receive: obj=GenerateReqInput(rid='ab12', text='why does torch.OutOfMemoryError: CUDA out of memory happen?')`);
    expect(received.serving).toBe("request");
    expect(received.failure).toBeNull();
    const finished = classifyLogLine(`[2026-03-11 14:00:32] Finish: obj=GenerateReqInput(rid='ab12'), out={'text': 'Traceback (most recent call last): RuntimeError: NCCL error'}`);
    expect(finished.serving).toBe("request");
    expect(finished.failure).toBeNull();
  });
});

describe("streaming robustness", () => {
  it("never throws on binary, invalid UTF-8 or empty input", () => {
    const d = createLogDiagnoser();
    expect(() => {
      d.push("");
      d.push(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a, 0x0d]).toString("utf8"));
      d.push("\u0000\u0001\r\r\n\n");
      d.snapshot();
      d.end();
      d.push("after end");
      d.end();
    }).not.toThrow();
  });

  it("bounds a line that never ends and still counts it", () => {
    const d = createLogDiagnoser();
    const chunk = "x".repeat(1 << 16);
    for (let i = 0; i < 64; i++) d.push(chunk);
    d.push("\n[2026-03-11 14:00:27] The server is fired up and ready to roll!\n");
    const r = d.end();
    expect(r.linesSeen).toBe(2);
    expect(r.readyLineSeen).toBe(true);
    expect(r.keyLines).toEqual([2]);
  });

  it("reports progress before the bar's line is complete (live pty)", () => {
    const d = createLogDiagnoser();
    d.push("[2026-03-11 13:59:46 TP0] Load weight begin. avail mem=78.29 GB\n");
    d.push("Loading safetensors checkpoint shards:  25% Completed | 12/48 [00:05<00:15,  2.30it/s]\r");
    expect(d.snapshot()).toMatchObject({ outcome: "starting", phase: "load_weights", progress: { done: 12, total: 48, percent: 25 } });
  });

  it("counts lines split on \\n only, whatever the chunking", () => {
    const d = createLogDiagnoser();
    for (const c of ["a\r", "\n", "b", "\r", "c\nd"]) d.push(c);
    expect(d.end().linesSeen).toBe(3);
  });
});
