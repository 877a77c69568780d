import { describe, expect, it } from "vitest";
import { validateProfile, type ValidationContext, type ValidationIssue } from "../../../lib/launch";
import { profile } from "../../support/launch-profile";

const glmA = { kind: "instance", name: "glm-a", owner: "Ada" } as const;
const box = (over: Partial<ValidationContext> = {}): ValidationContext => ({ gpuCount: 8, ...over });
const find = (issues: ValidationIssue[], code: string) => issues.filter((issue) => issue.code === code);
const one = (issues: ValidationIssue[], code: string): ValidationIssue => {
  const found = find(issues, code);
  expect(found, `${code} in ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0] as ValidationIssue;
};

describe("validateProfile: types, choices and ranges from the catalogue", () => {
  it("accepts a plain profile on a box with one GPU", () => {
    expect(validateProfile(profile({}, { gpuIds: [0] }), box())).toEqual([]);
  });

  it("rejects text in a whole-number flag and a number with a fraction", () => {
    expect(one(validateProfile(profile({ "--max-running-requests": "lots" }), box({ gpuCount: null })), "invalid_value").message).toBe('--max-running-requests must be a whole number, not "lots".');
    expect(one(validateProfile(profile({ "--max-running-requests": 2.5 }), box({ gpuCount: null })), "invalid_value").field).toBe("--max-running-requests");
  });

  it("accepts SGLang's human-readable integers such as --context-length 128k", () => {
    expect(validateProfile(profile({ "--context-length": "128k" }), box({ gpuCount: null }))).toEqual([]);
  });

  it("rejects a value that is not among the choices and suggests the closest one", () => {
    const issue = one(validateProfile(profile({ "--tool-call-parser": "glm-47" }), box({ gpuCount: null })), "invalid_choice");
    expect(issue.field).toBe("--tool-call-parser");
    expect(issue.message).toContain("did you mean glm47?");
    expect(one(validateProfile(profile({ "--dtype": "fp64" }), box({ gpuCount: null })), "invalid_choice").message).toContain("choose one of auto, half, float16, bfloat16, float, float32");
  });

  it("keeps --mem-fraction-static strictly between 0 and 1 and warns above 0.95", () => {
    for (const bad of [0, 1, 1.2, -0.1]) {
      const issue = one(validateProfile(profile({ "--mem-fraction-static": bad }), box({ gpuCount: null })), "invalid_value");
      expect(issue.message).toBe(`--mem-fraction-static ${bad} is out of range: use a number greater than 0 and less than 1.`);
    }
    expect(one(validateProfile(profile({ "--mem-fraction-static": 0.97 }), box({ gpuCount: null })), "mem_fraction_high").severity).toBe("warning");
  });

  it("keeps --port within 1 to 65535", () => {
    expect(one(validateProfile(profile({ "--port": 70000 }), box({ gpuCount: null })), "invalid_value").message).toBe("--port 70000 is out of range: use a whole number from 1 to 65535.");
  });

  it("rejects a value for a switch, a switch without value, unknown flags, abbreviated keys and --model-path in flags", () => {
    const issues = validateProfile(profile({ "--enable-metrics": "yes", "--port": true, "--reasoning_parser": "glm45", "--tp": 1, "--model-path": "x" }), box({ gpuCount: null }));
    expect(find(issues, "invalid_value").map((i) => i.field).sort()).toEqual(["--enable-metrics", "--port"]);
    expect(one(issues, "unknown_flag").message).toContain("did you mean --reasoning-parser?");
    expect(one(issues, "abbreviation_key").message).toBe("--tp is argparse's abbreviation of --tp-size: store the value under --tp-size.");
    expect(one(issues, "model_path_in_flags").field).toBe("--model-path");
  });

  it("rejects --log-level values that are not logging levels", () => {
    expect(one(validateProfile(profile({ "--log-level": "verbose" }), box({ gpuCount: null })), "invalid_log_level").severity).toBe("error");
  });
});

describe("validateProfile: GPUs", () => {
  it("says how to fix --tp-size larger than the selected GPUs", () => {
    const issue = one(validateProfile(profile({ "--tp-size": 8 }, { gpuIds: [0, 1, 2, 3] }), box()), "not_enough_gpus");
    expect(issue).toMatchObject({ field: "gpuIds", severity: "error", code: "not_enough_gpus", message: "--tp-size 8 needs 8 GPUs; 4 are selected: select 8 GPUs or lower --tp-size to 4." });
  });

  it("counts tp × pp × dp without DP attention", () => {
    const issue = one(validateProfile(profile({ "--tp-size": 2, "--dp-size": 4 }), box({ gpuCount: 4 })), "not_enough_gpus");
    expect(issue.message).toBe("--tp-size 2 × --dp-size 4 needs 8 GPUs; the machine has 4 GPUs: lower --dp-size to 2.");
    expect(find(validateProfile(profile({ "--tp-size": 2, "--pp-size": 2, "--dp-size": 2 }), box({ gpuCount: 8 })), "not_enough_gpus")).toEqual([]);
  });

  it("counts only tp × pp with --enable-dp-attention, where dp must divide tp", () => {
    expect(validateProfile(profile({ "--tp-size": 8, "--dp-size": 8, "--enable-dp-attention": true }), box())).toEqual([]);
    const issue = one(validateProfile(profile({ "--tp-size": 8, "--dp-size": 3, "--enable-dp-attention": true }), box()), "dp_attention_divides_tp");
    expect(issue.message).toContain("--dp-size 3 does not divide --tp-size 8; use 1, 2, 4, 8");
  });

  it("warns when DP attention has no DP groups and rejects a DP LM head without DP attention", () => {
    expect(one(validateProfile(profile({ "--enable-dp-attention": true }, { gpuIds: [0] }), box()), "dp_attention_without_dp").severity).toBe("warning");
    expect(one(validateProfile(profile({ "--enable-dp-lm-head": true }, { gpuIds: [0] }), box()), "dp_lm_head_needs_dp_attention").severity).toBe("error");
  });

  it("warns when selected GPUs would stay idle", () => {
    const issue = one(validateProfile(profile({ "--tp-size": 2 }, { gpuIds: [0, 1, 2, 3] }), box()), "gpus_left_idle");
    expect(issue.severity).toBe("warning");
    expect(issue.message).toContain("2 will stay idle");
  });

  it("rejects GPUs that do not exist, none selected, and busy GPUs the server would use", () => {
    expect(one(validateProfile(profile({}, { gpuIds: [9] }), box({ gpuCount: 2 })), "gpu_missing").message).toBe("GPU 9 does not exist: this machine has 2 GPUs (0 to 1).");
    expect(one(validateProfile(profile({}, { gpuIds: [] }), box()), "no_gpus_selected").severity).toBe("error");
    const busy = one(validateProfile(profile({ "--tp-size": 2 }, { gpuIds: [0, 1] }), box({ busyGpus: [{ gpu: 1, holder: glmA }, { gpu: 5, holder: glmA }] })), "gpu_busy");
    expect(busy.message).toBe("GPU 1 is in use by instance glm-a (owner Ada): stop it or select other GPUs.");
  });

  it("reports no GPU at all on a machine without GPUs", () => {
    expect(one(validateProfile(profile(), box({ gpuCount: 0 })), "no_gpus").severity).toBe("error");
  });

  it("skips GPU counting when the GPU count is unknown and all GPUs are used", () => {
    expect(validateProfile(profile({ "--tp-size": 8 }), box({ gpuCount: null }))).toEqual([]);
  });

  it("requires --ep-size to divide --tp-size", () => {
    const issue = one(validateProfile(profile({ "--tp-size": 4, "--ep-size": 8 }), box({ gpuCount: null })), "ep_divides_tp");
    expect(issue.message).toBe("--ep-size 8 must divide --tp-size 4 (SGLang splits the TP group into ep × moe-tp ranks): set --ep-size to 1, 2, 4 or raise --tp-size.");
    expect(find(validateProfile(profile({ "--tp-size": 8, "--ep-size": 8 }), box()), "ep_divides_tp")).toEqual([]);
  });

  it("checks multi-node settings: node rank below nnodes, an init address, and an even split", () => {
    const issues = validateProfile(profile({ "--tp-size": 3, "--nnodes": 2, "--node-rank": 2 }), box({ gpuCount: null }));
    expect(one(issues, "node_rank_range").field).toBe("--node-rank");
    expect(one(issues, "dist_init_addr_missing").field).toBe("--dist-init-addr");
    expect(one(issues, "world_not_divisible_by_nodes").field).toBe("--nnodes");
  });
});

describe("validateProfile: speculative decoding (server_args.py _handle_speculative_decoding)", () => {
  const eagle = { "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 3, "--speculative-eagle-topk": 1, "--speculative-num-draft-tokens": 4 };

  it("accepts the model guide's EAGLE settings", () => {
    expect(validateProfile(profile(eagle, { gpuIds: [0] }), box())).toEqual([]);
  });

  it("requires steps, topk and draft tokens together or not at all", () => {
    expect(one(validateProfile(profile({ "--speculative-algorithm": "EAGLE", "--speculative-eagle-topk": 1 }), box({ gpuCount: null })), "speculative_partial").severity).toBe("error");
    expect(one(validateProfile(profile({ "--speculative-algorithm": "EAGLE", "--speculative-num-steps": 3 }), box({ gpuCount: null })), "speculative_partial").message).toContain("--speculative-eagle-topk and --speculative-num-draft-tokens is not");
    expect(validateProfile(profile({ "--speculative-algorithm": "EAGLE" }), box({ gpuCount: null }))).toEqual([]);
  });

  it("warns that topk 1 forces draft tokens to steps + 1", () => {
    const issue = one(validateProfile(profile({ ...eagle, "--speculative-num-draft-tokens": 8 }), box({ gpuCount: null })), "draft_tokens_adjusted");
    expect(issue.message).toBe("With --speculative-eagle-topk 1 SGLang changes --speculative-num-draft-tokens 8 to steps + 1 = 4: set it to 4.");
  });

  it("warns when draft tokens exceed the draft tree for topk above 1", () => {
    const issues = validateProfile(profile({ ...eagle, "--speculative-num-steps": 2, "--speculative-eagle-topk": 2, "--speculative-num-draft-tokens": 16 }), box({ gpuCount: null }));
    expect(one(issues, "draft_tokens_exceed_tree").message).toContain("= 7");
  });

  it("rejects topk above 1 with paged attention other than flashinfer, and with trtllm_mha", () => {
    const spec = { ...eagle, "--speculative-eagle-topk": 4, "--speculative-num-draft-tokens": 8, "--page-size": 64 };
    expect(one(validateProfile(profile(spec), box({ gpuCount: null })), "topk_page_size").severity).toBe("error");
    expect(find(validateProfile(profile({ ...spec, "--attention-backend": "flashinfer" }), box({ gpuCount: null })), "topk_page_size")).toEqual([]);
    expect(one(validateProfile(profile({ ...eagle, "--speculative-eagle-topk": 4, "--speculative-num-draft-tokens": 8, "--attention-backend": "trtllm_mha" }), box({ gpuCount: null })), "topk_trtllm_mha").severity).toBe("error");
  });

  it("requires a draft model for EAGLE3 and STANDALONE, and warns for EAGLE on a model without MTP layers", () => {
    expect(one(validateProfile(profile({ "--speculative-algorithm": "EAGLE3" }), box({ gpuCount: null })), "draft_model_missing").severity).toBe("error");
    const llama = validateProfile(profile({ "--speculative-algorithm": "EAGLE" }, { modelPath: "/m/llama" }), box({ gpuCount: null, modelInfo: { exists: true, hasConfig: true, architecture: "LlamaForCausalLM" } }));
    expect(one(llama, "draft_model_missing").severity).toBe("warning");
  });

  it("warns about speculative settings without an algorithm", () => {
    expect(one(validateProfile(profile({ "--speculative-num-steps": 3 }), box({ gpuCount: null })), "speculative_without_algorithm").severity).toBe("warning");
  });
});

describe("validateProfile: ports, host and parsers", () => {
  it("rejects a port in use and says by whom", () => {
    const issue = one(validateProfile(profile({ "--port": 30000 }), box({ gpuCount: null, portsInUse: [{ port: 30000, holder: glmA }] })), "port_in_use");
    expect(issue).toMatchObject({ field: "--port", severity: "error", code: "port_in_use", message: "Port 30000 is in use by instance glm-a (owner Ada): choose another --port." });
  });

  it("checks the default port 30000 when --port is unset", () => {
    expect(one(validateProfile(profile(), box({ gpuCount: null, portsInUse: [{ port: 30000, holder: glmA }] })), "port_in_use").field).toBe("--port");
  });

  it("rejects an --nccl-port equal to the HTTP port", () => {
    expect(one(validateProfile(profile({ "--nccl-port": 30000 }), box({ gpuCount: null })), "nccl_port_clash").severity).toBe("error");
  });

  it("warns when binding to all interfaces without an API key", () => {
    expect(one(validateProfile(profile({ "--host": "0.0.0.0" }), box({ gpuCount: null })), "exposed_without_key").severity).toBe("warning");
    expect(find(validateProfile(profile({ "--host": "0.0.0.0", "--api-key": "k" }), box({ gpuCount: null })), "exposed_without_key")).toEqual([]);
  });

  it("warns that GLM-4.7 needs the glm47 tool-call parser", () => {
    expect(one(validateProfile(profile({ "--tool-call-parser": "glm45" }), box({ gpuCount: null })), "glm47_tool_parser").severity).toBe("warning");
  });
});

describe("validateProfile: model path", () => {
  it("accepts a Hugging Face id and rejects text that is neither a hub id nor an absolute path", () => {
    expect(find(validateProfile(profile(), box({ gpuCount: null })), "model_path_invalid")).toEqual([]);
    for (const bad of ["GLM-4.7-Flash", "a/b/c", "org/na me", "org--x/y"]) {
      expect(one(validateProfile(profile({}, { modelPath: bad }), box({ gpuCount: null })), "model_path_invalid").field).toBe("modelPath");
    }
  });

  it("rejects relative local paths", () => {
    expect(one(validateProfile(profile({}, { modelPath: "./models/glm" }), box({ gpuCount: null })), "model_path_relative").severity).toBe("error");
  });

  it("requires a local absolute path to exist and hold config.json", () => {
    const missing = validateProfile(profile({}, { modelPath: "/models/glm" }), box({ gpuCount: null, modelInfo: { exists: false, hasConfig: false } }));
    expect(one(missing, "model_path_not_found").message).toBe("/models/glm does not exist on this machine: fix the path or download the model there.");
    const noConfig = validateProfile(profile({}, { modelPath: "/models/glm" }), box({ gpuCount: null, modelInfo: { exists: true, hasConfig: false } }));
    expect(one(noConfig, "model_config_missing").severity).toBe("error");
    expect(validateProfile(profile({}, { modelPath: "/models/glm" }), box({ gpuCount: null, modelInfo: { exists: true, hasConfig: true } }))).toEqual([]);
  });
});

describe("validateProfile: memory estimate", () => {
  const GiB = 1024 ** 3;
  const ctx = (weightsGiB: number, gpuGiB: number): ValidationContext => ({
    gpuCount: 2,
    gpuMemoryMiB: [gpuGiB * 1024, gpuGiB * 1024],
    modelInfo: { exists: true, hasConfig: true, weightsBytes: weightsGiB * GiB },
  });

  it("warns when the weights leave too little of the static fraction for the KV cache", () => {
    const issue = one(validateProfile(profile({ "--mem-fraction-static": 0.5, "--tp-size": 1 }, { modelPath: "/m/glm", gpuIds: [0] }), ctx(38, 80)), "little_kv_room");
    expect(issue.severity).toBe("warning");
    expect(issue.message).toContain("--mem-fraction-static 0.5 of 80.0 GiB gives 40.0 GiB");
    expect(find(validateProfile(profile({ "--mem-fraction-static": 0.8, "--tp-size": 1 }, { modelPath: "/m/glm", gpuIds: [0] }), ctx(38, 80)), "little_kv_room")).toEqual([]);
  });

  it("rejects weights larger than a GPU and splits them over --tp-size", () => {
    expect(one(validateProfile(profile({ "--tp-size": 1 }, { modelPath: "/m/big", gpuIds: [0] }), ctx(100, 80)), "weights_exceed_gpu").severity).toBe("error");
    expect(find(validateProfile(profile({ "--tp-size": 2 }, { modelPath: "/m/big", gpuIds: [0, 1] }), ctx(100, 80)), "weights_exceed_gpu")).toEqual([]);
  });
});

describe("validateProfile: extra arguments", () => {
  it("warns that unknown flags will be rejected unless the installed SGLang has them", () => {
    const issue = one(validateProfile(profile({}, { extraArgs: ["--brand-new-flag", "1"] }), box({ gpuCount: null })), "extra_unknown_flag");
    expect(issue).toMatchObject({ field: "extraArgs", severity: "warning" });
    expect(issue.message).toContain("SGLang will reject it unless the installed version has it");
  });

  it("suggests the dashed spelling of an underscored flag", () => {
    expect(one(validateProfile(profile({}, { extraArgs: ["--reasoning_parser", "glm45"] }), box({ gpuCount: null })), "extra_unknown_flag").message).toContain("did you mean --reasoning-parser?");
  });

  it("rejects a flag set in both places and --model-path in extra arguments, and warns about known flags there", () => {
    const issues = validateProfile(profile({ "--tp-size": 1 }, { extraArgs: ["--tp", "2", "--model-path", "x", "--enable-metrics"] }), box({ gpuCount: null }));
    expect(one(issues, "extra_duplicates_flag").severity).toBe("error");
    expect(one(issues, "extra_model_path").severity).toBe("error");
    expect(one(issues, "extra_known_flag").message).toBe("--enable-metrics is a known flag: set it in the form so the console can check it.");
  });
});
