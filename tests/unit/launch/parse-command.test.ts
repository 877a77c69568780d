import { describe, expect, it } from "vitest";
import { parseLaunchCommand } from "../../../lib/launch";

// The shapes of the GLM-4.7-Flash model guide's commands.
const GUIDE_1_GPU = `python3 -m sglang.launch_server \\
  --model-path zai-org/GLM-4.7-Flash \\
  --tool-call-parser glm47 \\
  --reasoning-parser glm45 \\
  --speculative-algorithm EAGLE \\
  --speculative-num-steps 3 \\
  --speculative-eagle-topk 1 \\
  --speculative-num-draft-tokens 4 \\
  --mem-fraction-static 0.8 \\
  --served-model-name glm-4.7-flash \\
  --host 0.0.0.0 \\
  --port 8000`;
const GUIDE_4_GPU = GUIDE_1_GPU.replace("--model-path zai-org/GLM-4.7-Flash \\", "--model-path zai-org/GLM-4.7-Flash \\\n  --tp-size 4 \\");
// The guide's 8-GPU line says --tp-size 8 --ep-size 8 in its text but repeats --tp-size 4.
const GUIDE_8_GPU = GUIDE_1_GPU.replace("--model-path zai-org/GLM-4.7-Flash \\", "--model-path zai-org/GLM-4.7-Flash \\\n  --tp-size 8 \\\n  --ep-size 8 \\\n  --tp-size 4 \\");

describe("parseLaunchCommand on the model guide's commands", () => {
  it("reads the 1-GPU multi-line command with every flag typed", () => {
    const parsed = parseLaunchCommand(GUIDE_1_GPU);
    expect(parsed.errors).toEqual([]);
    expect(parsed.python).toBe("python3");
    expect(parsed.unknownFlags).toEqual([]);
    expect(parsed.profile).toEqual({
      name: "glm-4.7-flash",
      modelPath: "zai-org/GLM-4.7-Flash",
      flags: {
        "--mem-fraction-static": 0.8,
        "--tool-call-parser": "glm47",
        "--reasoning-parser": "glm45",
        "--speculative-algorithm": "EAGLE",
        "--speculative-num-steps": 3,
        "--speculative-eagle-topk": 1,
        "--speculative-num-draft-tokens": 4,
        "--host": "0.0.0.0",
        "--port": 8000,
        "--served-model-name": "glm-4.7-flash",
      },
      extraArgs: [],
      gpuIds: null,
      env: {},
    });
  });

  it("reads --tp-size 4 from the 4-GPU command", () => {
    expect(parseLaunchCommand(GUIDE_4_GPU).profile?.flags["--tp-size"]).toBe(4);
  });

  it("keeps the last of the 8-GPU line's duplicate --tp-size, as argparse does, and warns about it", () => {
    const parsed = parseLaunchCommand(GUIDE_8_GPU);
    expect(parsed.profile?.flags["--tp-size"]).toBe(4);
    expect(parsed.profile?.flags["--ep-size"]).toBe(8);
    expect(parsed.warnings.map((w) => w.message)).toContain("--tp-size is given twice (8, then 4); SGLang uses the last: 4.");
  });
});

describe("parseLaunchCommand forms", () => {
  it("maps aliases to canonical flags (--tp 4 → --tp-size, --model → model path)", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model /m/glm --tp 4 --ep 2 --dp 2");
    expect(parsed.profile?.modelPath).toBe("/m/glm");
    expect(parsed.profile?.flags).toEqual({ "--tp-size": 4, "--dp-size": 2, "--ep-size": 2 });
  });

  it("reads --flag=value, single and double quotes", () => {
    const parsed = parseLaunchCommand(`python -m sglang.launch_server --model-path='/models/my model' --api-key "s3cr3t \\"x\\"" --chat-template=a=b --port=30001`);
    expect(parsed.profile?.modelPath).toBe("/models/my model");
    expect(parsed.profile?.flags).toEqual({ "--api-key": 's3cr3t "x"', "--chat-template": "a=b", "--port": 30001 });
  });

  it("turns leading assignments into env and CUDA_VISIBLE_DEVICES into gpuIds", () => {
    const parsed = parseLaunchCommand("CUDA_VISIBLE_DEVICES=2,3 HF_TOKEN=hf_x SGLANG_ENABLE_SPEC_V2=1 python -m sglang.launch_server --model-path a/b --tp 2");
    expect(parsed.profile?.gpuIds).toEqual([2, 3]);
    expect(parsed.profile?.env).toEqual({ HF_TOKEN: "hf_x", SGLANG_ENABLE_SPEC_V2: "1" });
  });

  it("accepts sglang serve, env, a python path and interpreter options", () => {
    expect(parseLaunchCommand("sglang serve --model-path a/b").python).toBeNull();
    expect(parseLaunchCommand("sglang serve --model-path a/b").profile?.modelPath).toBe("a/b");
    expect(parseLaunchCommand("env A=1 /opt/venv/bin/python3.11 -u -m sglang.launch_server --model-path a/b").python).toBe("/opt/venv/bin/python3.11");
  });

  it("skips comments and blank lines around the command", () => {
    const parsed = parseLaunchCommand("# serve GLM\n\npython -m sglang.launch_server \\\n  --model-path a/b \\\n  # --tp 8\n");
    expect(parsed.profile?.flags).toEqual({});
    expect(parsed.errors).toEqual([]);
  });

  it("keeps unknown flags and their values in extraArgs and lists them", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b --enable-brand-new-thing --new-size 3 --tp 2");
    expect(parsed.unknownFlags).toEqual(["--enable-brand-new-thing", "--new-size"]);
    expect(parsed.profile?.extraArgs).toEqual(["--enable-brand-new-thing", "--new-size", "3"]);
    expect(parsed.profile?.flags).toEqual({ "--tp-size": 2 });
  });

  it("keeps --reasoning_parser as unknown and says did you mean --reasoning-parser", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b --reasoning_parser kimi_k2");
    expect(parsed.unknownFlags).toEqual(["--reasoning_parser"]);
    expect(parsed.profile?.extraArgs).toEqual(["--reasoning_parser", "kimi_k2"]);
    expect(parsed.profile?.flags).toEqual({});
    expect(parsed.errors.map((e) => e.message).join(" ")).toContain("did you mean --reasoning-parser");
  });

  it("expands an argparse abbreviation (--speculative-algo) with a warning", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b --speculative-algo EAGLE");
    expect(parsed.profile?.flags).toEqual({ "--speculative-algorithm": "EAGLE" });
    expect(parsed.warnings).toHaveLength(1);
  });

  it("joins flag lines pasted without trailing backslashes, with a warning", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b\n--tp 2\n--enable-metrics");
    expect(parsed.profile?.flags).toEqual({ "--tp-size": 2, "--enable-metrics": true });
    expect(parsed.warnings.length).toBeGreaterThan(0);
  });

  it("reads a negative number as a value (--chunked-prefill-size -1)", () => {
    expect(parseLaunchCommand("python -m sglang.launch_server --model-path a/b --chunked-prefill-size -1").profile?.flags).toEqual({ "--chunked-prefill-size": -1 });
  });

  it("reports a flag missing its value, a value given to a switch and stray words", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b --enable-metrics=yes stray --tp-size");
    const messages = parsed.errors.map((e) => e.message);
    expect(messages).toContain("--tp-size needs a value.");
    expect(messages.some((m) => m.includes("--enable-metrics is a switch"))).toBe(true);
    expect(messages.some((m) => m.includes('"stray"'))).toBe(true);
    expect(parsed.profile?.extraArgs).toEqual(["stray"]);
  });

  it("returns no profile for other programs, other modules or a missing --model-path", () => {
    expect(parseLaunchCommand("vllm serve a/b").profile).toBeNull();
    expect(parseLaunchCommand("python -m sglang.bench_serving --backend sglang").profile).toBeNull();
    const noModel = parseLaunchCommand("python -m sglang.launch_server --tp 2");
    expect(noModel.profile).toBeNull();
    expect(noModel.errors.map((e) => e.message)).toContain("The command has no --model-path.");
    expect(parseLaunchCommand("").profile).toBeNull();
  });

  it("reads only the first command and says so", () => {
    const parsed = parseLaunchCommand("python -m sglang.launch_server --model-path a/b && echo done");
    expect(parsed.profile?.modelPath).toBe("a/b");
    expect(parsed.warnings.map((w) => w.message)).toContain("Only the first command was read; the rest of the text was ignored.");
  });
});
