import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../../lib/i18n/catalogues";
import { hasMessage, translator } from "../../../lib/i18n/translate";
import {
  checkInstalledFlags,
  findFlag,
  issueKey,
  parseEnvText,
  parseExtraArgsText,
  parseLaunchCommand,
  renderLocalText,
  validateProfile,
  type LaunchProfile,
  type ValidationContext,
  type ValidationIssue,
} from "../../../lib/launch";
import { gpuConflicts, portBusyIssue } from "../../../server/supervisor/conflicts";
import { profile } from "../../support/launch-profile";

// The page shows launch.issues.<code> with the issue's params in the reader's language; the English catalogue
// must say exactly what `message` says (the API, scripts and logs keep `message`).

const en = translator("en", "launch");
const zh = translator("zh-CN", "launch");
const render = (t: typeof en, issue: { code: string; params?: ValidationIssue["params"] }) => renderLocalText({ key: issueKey(issue.code), ...(issue.params ? { params: issue.params } : {}) }, t);


const scenarios: [LaunchProfile, ValidationContext][] = [
  [profile({ "--max-running-requests": "lots", "--tool-call-parser": "glm-47", "--dtype": "fp64", "--mem-fraction-static": 1.5, "--port": 70000 }), { gpuCount: null }],
  [profile({ "--enable-metrics": "yes", "--tp-size": true, "--reasoning_parser": "glm45", "--tp": 1, "--model-path": "x", "--tensor-parallel-size": 2, "--zzz-qqq": 1 }), { gpuCount: null }],
  [profile({ "--max-running-requests": 2.5, "--json-model-override-args": "{", "--cuda-graph-max-bs": 8, "--chunked-prefill-size": 0, "--log-level": "loud" }), { gpuCount: null }],
  [profile({ "--log-level": "warning", "--host": "0.0.0.0", "--port": 80, "--nccl-port": 80 }), { gpuCount: null, portsInUse: [{ port: 80, holder: { kind: "instance", name: "a", owner: "b" } }] }],
  [profile({}, { modelPath: "" }), { gpuCount: null }],
  [profile({}, { modelPath: " /x " }), { gpuCount: null }],
  [profile({}, { modelPath: "/models/none" }), { gpuCount: null, modelInfo: { exists: false, hasConfig: false } }],
  [profile({}, { modelPath: "/models/empty" }), { gpuCount: null, modelInfo: { exists: true, hasConfig: false } }],
  [profile({}, { modelPath: "./m" }), { gpuCount: null }],
  [profile({}, { modelPath: "s3://bucket/m" }), { gpuCount: null }],
  [profile({}, { modelPath: "not a hub id" }), { gpuCount: null }],
  [profile({ "--port": 30001 }, { extraArgs: ["--model", "x", "--port", "1", "--tp", "2", "--dp-size", "2", "--reasoning_parser", "x", "--totally-new-flag"] }), { gpuCount: null }],
  [profile({ "--enable-dp-attention": true, "--enable-dp-lm-head": true }), { gpuCount: 8 }],
  [profile({ "--enable-dp-attention": true, "--dp-size": 3, "--tp-size": 4 }), { gpuCount: 8 }],
  [profile({ "--ep-size": 3, "--tp-size": 4, "--node-rank": 2, "--nnodes": 2 }), { gpuCount: 8 }],
  [profile({ "--tp-size": 3, "--nnodes": 2, "--dist-init-addr": "h:1" }), { gpuCount: 8 }],
  [profile({ "--tp-size": 8 }), { gpuCount: 4 }],
  [profile({ "--tp-size": 1, "--dp-size": 8 }), { gpuCount: 4 }],
  [profile({ "--tp-size": 8 }, { gpuIds: [0, 1] }), { gpuCount: 4 }],
  [profile({ "--tp-size": 2 }, { gpuIds: [0] }), { gpuCount: 4 }],
  [profile({ "--tp-size": 2, "--base-gpu-id": 1, "--gpu-id-step": 2 }), { gpuCount: 2 }],
  [profile({ "--tp-size": 1 }), { gpuCount: 4, busyGpus: [{ gpu: 0, holder: { kind: "instance", name: "a", owner: "b" } }] }],
  [profile({ "--tp-size": 1 }, { gpuIds: [0, 0, 9] }), { gpuCount: 4 }],
  [profile({ "--tp-size": 1 }, { gpuIds: [] }), { gpuCount: 0 }],
  [profile({}), { gpuCount: 0 }],
  [profile({ "--speculative-num-steps": 3, "--speculative-draft-model-path": "/d" }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE", "--speculative-eagle-topk": 2 }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 3 }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 3, "--speculative-eagle-topk": 1 }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 3, "--speculative-num-draft-tokens": 4 }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE3", "--speculative-num-steps": 3, "--speculative-eagle-topk": 1, "--speculative-num-draft-tokens": 9 }), { gpuCount: null }],
  [profile({ "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 2, "--speculative-eagle-topk": 4, "--speculative-num-draft-tokens": 64, "--page-size": 16, "--attention-backend": "trtllm_mha" }), { gpuCount: null, modelInfo: { exists: true, hasConfig: true, architecture: "LlamaForCausalLM" } }],
  [profile({ "--mem-fraction-static": 0.97 }), { gpuCount: 1, gpuMemoryMiB: [81559], modelInfo: { exists: true, hasConfig: true, weightsBytes: 200e9 } }],
  [profile({}), { gpuCount: 1, gpuMemoryMiB: [81559], modelInfo: { exists: true, hasConfig: true, weightsBytes: 64e9 } }],
  [profile({ "--mem-fraction-static": 0.7 }), { gpuCount: 1, gpuMemoryMiB: [81559], modelInfo: { exists: true, hasConfig: true, weightsBytes: 55e9 } }],
  [profile({ "--tool-call-parser": "glm45" }), { gpuCount: null }],
  [profile({}, { modelPath: "/models/qwen3" }), { gpuCount: null, modelInfo: { exists: true, hasConfig: true, modelType: "qwen3" } }],
  [profile({ "--tool-call-parser": "mistral" }, { modelPath: "/models/Kimi-K2" }), { gpuCount: null, modelInfo: { exists: true, hasConfig: true } }],
  [profile({}, { modelPath: "/models/x" }), { gpuCount: null, modelInfo: { exists: true, hasConfig: true, chatTemplate: "<tool_call> <think>" } }],
];

describe("issue messages in the catalogues", () => {
  const issues = scenarios.flatMap(([p, ctx]) => validateProfile(p, ctx));
  issues.push(
    ...checkInstalledFlags(
      profile({ "--tp-size": 2, "--dtype": "half", "--attention-backend": "fa3" }, { extraArgs: ["--brand-new"] }),
      findFlag,
      { version: "0.5.9", flags: [{ options: ["--dtype"], takesValue: true, choices: ["auto"] }, { options: ["--attention-backend"], takesValue: true, choices: Array.from({ length: 14 }, (_, i) => `b${i}`) }] } as never,
    ),
  );

  // The supervisor's own checks at launch: GPUs shared while the GPU count is unknown, a port another program holds.
  const active = { name: "glm-a", owner: "Ada", host: "127.0.0.1", port: 30000 };
  issues.push(
    ...gpuConflicts(profile({}, { gpuIds: [0, 1] }), [{ ...active, gpuIds: [1, 2] }]),
    ...gpuConflicts(profile(), [{ ...active, gpuIds: [3] }]),
    ...gpuConflicts(profile({}, { gpuIds: [4] }), [{ ...active, gpuIds: null }]),
    portBusyIssue(30001, "127.0.0.1"),
  );

  it("covers many codes", () => {
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThan(45);
  });

  it("renders every validation issue in English exactly as its message, and in Chinese without a missing key", () => {
    for (const issue of issues) {
      expect(hasMessage("en", "launch", issueKey(issue.code)), issue.code).toBe(true);
      expect(render(en, issue), issue.code).toBe(issue.message);
      const chinese = render(zh, issue);
      expect(chinese, issue.code).not.toBe(issueKey(issue.code));
      expect(chinese, issue.code).not.toMatch(/[{}]/);
    }
  });

  it("renders what a pasted command and the free-text fields report the same way", () => {
    const notes = [
      "",
      "FOO=1",
      "bash run.sh",
      "python -m sglang.foo",
      "python script.py",
      "python -m sglang.launch_server --tp-size 2",
      "lower=1 CUDA_VISIBLE_DEVICES=a python -m sglang.launch_server --model-path m --tp 2 --tp-size 4 --model-path n --reasoning_parser x --tool-call-paser y --brand-new 1 --enable-metrics=1 --port stray -- a b",
      "python -m sglang.launch_server --model-path m $X 'open",
      "python -m sglang.launch_server --model-path m \\\n--port 1\n--host h\necho done; ls",
      'python -m sglang.launch_server --model-path m "open',
      "python -m sglang.launch_server --model-path m --",
    ].flatMap((text) => {
      const parsed = parseLaunchCommand(text);
      return [...parsed.errors, ...parsed.warnings];
    });
    const text = [...parseExtraArgsText("--a $X | tee 'x").problems, ...parseEnvText("lower=1\nCUDA_VISIBLE_DEVICES=0").problems];
    const all = [...notes, ...text].filter((n) => n.code !== "schema");
    expect(new Set(all.map((n) => n.code)).size).toBeGreaterThan(20);
    for (const note of all) {
      expect(hasMessage("en", "launch", issueKey(note.code)), note.code).toBe(true);
      expect(render(en, note), note.code).toBe(note.message);
      expect(render(zh, note), note.code).not.toMatch(/[{}]/);
    }
  });

  it("names who holds a GPU or a port in the reader's language, the English message unchanged", () => {
    const holder = { kind: "instance", name: "glm-a", owner: "Ada" } as const;
    const port = validateProfile(profile({ "--port": 30000 }), { gpuCount: null, portsInUse: [{ port: 30000, holder }] }).find((i) => i.code === "port_in_use")!;
    expect(port.message).toBe("Port 30000 is in use by instance glm-a (owner Ada): choose another --port.");
    expect(render(zh, port)).toBe("端口 30000 正被 实例 glm-a（所有者 Ada） 使用：请换一个 --port。");
    const [shared] = gpuConflicts(profile({}, { gpuIds: [1] }), [{ ...active, gpuIds: [1] }]);
    expect(shared!.message).toBe("GPU 1 is in use by instance glm-a (owner Ada): stop it or select other GPUs.");
    expect(render(zh, shared!)).toBe("GPU 1 正被 实例 glm-a（所有者 Ada） 使用：请先停止它，或选择其他 GPU。");
    const [all] = gpuConflicts(profile(), [{ ...active, gpuIds: [3] }]);
    expect(all!.message).toBe("This launch would use all GPUs, and instance glm-a (owner Ada) already uses GPUs 3: select GPUs it does not use, or stop it first.");
    expect(render(zh, all!)).toBe("此次启动将使用全部 GPU，而 实例 glm-a（所有者 Ada） 已在使用 GPU 3：请选择它未使用的 GPU，或先停止它。");
    expect(render(zh, portBusyIssue(30001, "127.0.0.1"))).toBe("127.0.0.1 上的端口 30001 已被外部进程占用：请换一个 --port。");
  });

  it("has a Chinese message for every English one", () => {
    expect(Object.keys(CATALOGUES["zh-CN"].launch.issues as object).sort()).toEqual(Object.keys(CATALOGUES.en.launch.issues as object).sort());
  });
});
