import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { GLM_MODEL, killAll, REPO, startSim } from "./helpers";

afterEach(killAll);

describe("simulator command line", () => {
  it("rejects an unknown flag with argparse's usage text and exit code 2", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--reasoning_parser", "kimi_k2"]);
    const { code } = await sim.waitForExit();
    expect(code).toBe(2);
    expect(sim.stderr()).toMatch(/^usage: launch_server\.py \[-h\] --model-path MODEL_PATH/);
    expect(sim.stderr()).toContain("launch_server.py: error: unrecognized arguments: --reasoning_parser kimi_k2");
  });

  it("rejects a bad choice with argparse's invalid choice message and exit code 2", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tool-call-parser", "glm-47"]);
    const { code } = await sim.waitForExit();
    expect(code).toBe(2);
    expect(sim.stderr()).toMatch(/launch_server\.py: error: argument --tool-call-parser: invalid choice: 'glm-47' \(choose from .*'glm45', 'glm47'/);
  });

  it("rejects a bad type with exit code 2", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp-size", "four"]);
    expect((await sim.waitForExit()).code).toBe(2);
    expect(sim.stderr()).toContain("error: argument --tp-size/--tensor-parallel-size: invalid int value: 'four'");
  });

  it("requires --model-path", async () => {
    const sim = await startSim([]);
    expect((await sim.waitForExit()).code).toBe(2);
    expect(sim.stderr()).toContain("error: the following arguments are required: --model-path/--model");
  });

  it("fails a missing local model path with huggingface_hub's HFValidationError traceback and exit code 1", async () => {
    const sim = await startSim(["--model-path", "/models/GLM-4.7-Flsh"]);
    expect((await sim.waitForExit()).code).toBe(1);
    expect(sim.output()).toContain("Traceback (most recent call last):");
    expect(sim.output()).toContain(
      "huggingface_hub.errors.HFValidationError: Repo id must be in the form 'repo_name' or 'namespace/repo_name': '/models/GLM-4.7-Flsh'. Use `repo_type` argument if needed.",
    );
    expect(sim.output()).not.toContain("server_args=");
  });

  it("fails a post-parse check with a traceback and no usage text", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--mem-fraction-static", "1.5"]);
    expect((await sim.waitForExit()).code).toBe(1);
    expect(sim.output()).toContain("AssertionError: mem_fraction_static must be in (0, 1), got 1.5");
    expect(sim.output()).not.toContain("usage:");
  });

  it("fails an unsupported architecture in the scheduler with SGLang's registry message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-arch-"));
    fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ architectures: ["MyNewForCausalLM"] }));
    const sim = await startSim(["--model-path", dir]);
    const exit = await sim.waitForExit();
    expect(exit.signal ?? exit.code).not.toBe(0);
    expect(sim.output()).toMatch(/Load weight begin\. avail mem=78\.29 GB/);
    expect(sim.output()).toContain(
      "ValueError: Model architectures ['MyNewForCausalLM'] are not supported for now. Supported architectures: dict_keys([",
    );
    expect(sim.output()).toContain("Received sigquit from a child process. It usually means the child failed.");
  });

  it("prints server_args and the startup phases in SGLang's order, tp 1 without a rank tag", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash", "--mem-fraction-static", "0.8",
      "--speculative-algorithm", "EAGLE", "--speculative-num-steps", "3", "--speculative-eagle-topk", "1", "--speculative-num-draft-tokens", "4"]);
    await sim.waitFor(/The server is fired up and ready to roll!/);
    const out = sim.output();
    const order = [
      /\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] server_args=ServerArgs\(model_path='\/work\/shared\/fixtures\/models\/GLM-4\.7-Flash'/,
      /\] Init torch distributed begin\./,
      /\] Load weight begin\. avail mem=78\.29 GB/,
      /Loading safetensors checkpoint shards: {2}50% Completed \| 24\/48 \[/,
      /Load weight end\. elapsed=[\d.]+ s, type=Glm4MoeLiteForCausalLM, avail mem=20\.69 GB, mem usage=57\.60 GB\./,
      /Load weight end\. elapsed=[\d.]+ s, type=Glm4MoeForCausalLMNextN, avail mem=19\.29 GB, mem usage=1\.40 GB\./,
      /KV Cache is allocated\. #tokens: \d+, KV size: 4\.3\d GB/,
      /Memory pool end\. avail mem=14\.94 GB/,
      /Capture cuda graph begin\./,
      /\rCapturing batches \(bs=\d+ avail_mem=[\d.]+ GB\):/,
      /Capture cuda graph end\. Time elapsed: [\d.]+ s\. mem usage=0\.80 GB\. avail mem=14\.14 GB\./,
      /max_total_num_tokens=\d+, chunked_prefill_size=8192/,
      /INFO: {5}Started server process \[\d+\]/,
      /INFO: {5}Waiting for application startup\./,
      /INFO: {5}Application startup complete\./,
      new RegExp(`INFO: {5}Uvicorn running on http://127\\.0\\.0\\.1:${sim.port} \\(Press CTRL\\+C to quit\\)`),
      /INFO: {5}127\.0\.0\.1:\d+ - "GET \/model_info HTTP\/1\.1" 200 OK/,
      /\] The server is fired up and ready to roll!/,
    ];
    let at = 0;
    for (const pattern of order) {
      const m = pattern.exec(out.slice(at));
      expect(m, String(pattern)).not.toBeNull();
      at += m!.index + m![0].length;
    }
    expect(out).not.toMatch(/ TP0\]/);
  });

  it("tags rank lines TPn EPn with tp 4 and ep 4, and skips CUDA graphs with --disable-cuda-graph", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "4", "--ep-size", "4", "--disable-cuda-graph"]);
    await sim.waitFor(/fired up and ready to roll/);
    for (const r of [0, 1, 2, 3]) expect(sim.output()).toContain(` TP${r} EP${r}] Load weight end.`);
    expect(sim.output()).toMatch(/ TP0 EP0\] Load weight end\. elapsed=[\d.]+ s, type=Glm4MoeLiteForCausalLM, avail mem=63\.89 GB, mem usage=14\.40 GB\./);
    expect(sim.output()).not.toContain("Capture cuda graph");
  });

  it("prints no INFO lines and no ready line with --log-level warning, but /health still turns 200", async () => {
    const { waitForHealth } = await import("./helpers");
    const sim = await startSim(["--model-path", GLM_MODEL, "--log-level", "warning"]);
    await waitForHealth(sim);
    expect(sim.output()).not.toContain("INFO:");
    expect(sim.output()).not.toContain("fired up");
    expect(sim.output()).not.toContain("Load weight begin");
    expect(sim.output()).toContain("Loading safetensors checkpoint shards");
  });
});

describe("simulator flag introspection (the console reads SGLang's parser the same way)", () => {
  const introspect = (env: Record<string, string> = {}) =>
    JSON.parse(
      execFileSync("python3", ["-c", "import argparse, json\nfrom sglang.srt.server_args import ServerArgs\np = argparse.ArgumentParser()\nServerArgs.add_cli_args(p)\nprint(json.dumps({a.dest: [a.option_strings, a.choices] for a in p._actions}))"], {
        env: { ...process.env, PYTHONPATH: path.join(REPO, "simulator"), ...env },
        encoding: "utf8",
      }),
    ) as Record<string, [string[], string[] | null]>;

  it("builds its parser through ServerArgs.add_cli_args, as real SGLang does", () => {
    const actions = introspect();
    expect(actions.tp_size?.[0]).toEqual(["--tp-size", "--tensor-parallel-size"]);
    expect(actions.tool_call_parser?.[1]).toContain("glm47");
  });

  it("acts as another release when told: an extra parser choice, a missing flag", async () => {
    // Both metrics flags go: with only --enable-metrics gone, argparse would take it as a prefix of the other.
    const env = { SGLANG_SIM_EXTRA_CHOICES: "--tool-call-parser=future_parser", SGLANG_SIM_WITHOUT_FLAGS: "--enable-metrics,--enable-metrics-for-all-schedulers" };
    const actions = introspect(env);
    expect(actions.tool_call_parser?.[1]).toContain("future_parser");
    expect(actions.enable_metrics).toBeUndefined();
    const sim = await startSim(["--model-path", GLM_MODEL, "--enable-metrics"], env);
    expect((await sim.waitForExit()).code).toBe(2);
    expect(sim.stderr()).toContain("error: unrecognized arguments: --enable-metrics");
  });
});
