// SGLang server flags the console knows about.
// Facts (names, aliases, types, defaults, choices) follow sgl-project/sglang
// python/sglang/srt/server_args.py (ServerArgs fields and add_cli_args), 2026.
// The list is a curated subset: anything else still reaches SGLang through a
// profile's extraArgs.

export type FlagType = "boolean" | "int" | "float" | "string" | "choice" | "path" | "json";
export type FlagGroup = "model" | "parallelism" | "memory" | "parsers" | "speculative" | "server" | "advanced";
export type FlagDefault = string | number | boolean | null;

export interface FlagSpec {
  /** Canonical dashed name, e.g. "--tp-size". */
  readonly name: string;
  /** Other spellings argparse accepts for the same destination. */
  readonly aliases: readonly string[];
  /** ServerArgs field name. */
  readonly dest: string;
  readonly type: FlagType;
  /** SGLang's default; null means "unset, SGLang decides". */
  readonly default: FlagDefault;
  /** Allowed values (type "choice"). */
  readonly choices?: readonly string[];
  /** Usual values for free-form strings (not enforced by SGLang). */
  readonly suggestions?: readonly string[];
  readonly unit?: string;
  readonly group: FlagGroup;
  readonly help: string;
  readonly min?: number;
  readonly max?: number;
  /** min/max themselves are not allowed. */
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** Integer that SGLang also accepts with a k/M/G suffix (human_readable_int). */
  readonly humanReadable?: boolean;
  /** Deprecated in the newest SGLang (still accepted); the replacement. */
  readonly deprecatedFor?: string;
}

export const FLAG_GROUPS: readonly FlagGroup[] = ["model", "parallelism", "memory", "parsers", "speculative", "server", "advanced"];

export const DTYPE_CHOICES = ["auto", "half", "float16", "bfloat16", "float", "float32"] as const;

export const QUANTIZATION_CHOICES = [
  "awq", "fp8", "mxfp8", "gptq", "marlin", "gptq_marlin", "awq_marlin", "bitsandbytes", "gguf",
  "modelopt", "modelopt_fp8", "modelopt_fp4", "nvfp4_online", "modelopt_mixed", "petit_nvfp4",
  "w8a8_int8", "w8a8_fp8", "moe_wna16", "w4afp8", "mxfp4", "auto-round", "auto-round-int8",
  "compressed-tensors", "modelslim", "mxfp_w4a8", "quark", "quark_int4fp8_moe", "quark_mxfp4",
  "mlx_q4", "mlx_q8", "unquant", "humming",
] as const;

export const KV_CACHE_DTYPE_CHOICES = [
  "auto", "fp8_e5m2", "fp8_e4m3", "mxfp8", "bf16", "bfloat16", "nvfp4", "fp4_mx_block16", "fp4_e2m1",
] as const;

export const ATTENTION_BACKEND_CHOICES = [
  "triton", "torch_native", "flex_attention", "dsa", "nsa", "dsv4", "compressed",
  "cutlass_mla", "fa3", "fa4", "flashinfer", "flashmla", "trtllm_mla", "cutedsl_mla", "tokenspeed_mla",
  "trtllm_mha", "dual_chunk_flash_attn", "hpc_ops", "minicpm_flashattn", "minicpm_flashinfer",
  "aiter", "wave", "intel_amx", "ascend", "intel_xpu",
] as const;

/** FunctionCallParser.ToolCallParserEnum keys, plus "auto" (add_cli_args). */
export const TOOL_CALL_PARSER_CHOICES = [
  "auto", "apertus2509", "cohere_command4", "deepseekv3", "deepseekv31", "deepseekv32", "deepseekv4", "dots",
  "glm", "glm45", "glm47", "gpt-oss", "k2_horizon", "kimi_k2", "kimi_k3", "lfm2", "ling3", "llama3", "mimo",
  "minicpm5", "mistral", "muse", "poolside_v1", "pythonic", "qwen", "qwen25", "qwen3_coder", "spark25",
  "step3", "step3p5", "minimax-m2", "minimax-m3", "trinity", "interns1", "hermes", "hunyuan", "gigachat3",
  "gigachat35", "gemma4", "inkling",
] as const;

/** ReasoningParser.DetectorMap keys, plus "auto" (add_cli_args). */
export const REASONING_PARSER_CHOICES = [
  "auto", "apertus2509", "deepseek-r1", "deepseek-v3", "deepseek-v4", "glm45", "hunyuan", "gpt-oss", "kimi",
  "kimi_k2", "mimo", "poolside_v1", "qwen3", "qwen3-thinking", "minimax", "minimax-append-think", "minimax-m3",
  "step3", "step3p5", "mistral", "nemotron_3", "interns1", "gemma4", "inkling", "cohere_command4",
] as const;

/** Built-in speculative algorithms named in the --speculative-algorithm help. */
export const SPECULATIVE_ALGORITHM_CHOICES = ["EAGLE", "EAGLE3", "NEXTN", "STANDALONE", "NGRAM", "DFLASH", "DSPARK"] as const;

/** --log-level is a free string in server_args.py; these are Python's logging levels. */
export const LOG_LEVEL_SUGGESTIONS = ["debug", "info", "warning", "error", "critical"] as const;

export const GRAMMAR_BACKEND_CHOICES = ["xgrammar", "outlines", "llguidance", "none"] as const;

export const LOAD_FORMAT_CHOICES = [
  "auto", "pt", "safetensors", "npcache", "dummy", "sharded_state", "presharded", "gguf", "expert_pack",
  "bitsandbytes", "mistral", "layered", "flash_rl", "remote", "remote_instance", "fastsafetensors", "private",
  "runai_streamer",
] as const;

export const MOE_RUNNER_BACKEND_CHOICES = [
  "auto", "deep_gemm", "triton", "triton_kernel", "flashinfer_trtllm", "experimental_sgl_trtllm",
  "flashinfer_trtllm_routed", "flashinfer_cutlass", "flashinfer_mxfp4", "flashinfer_cutedsl", "cutlass", "aiter",
  "marlin", "humming", "experimental_sgl_marlin", "hpc_ops", "megamoe",
] as const;

export const MOE_A2A_BACKEND_CHOICES = [
  "none", "deepep", "mooncake", "nixl", "mori", "ascend_fuseep", "flashinfer", "megamoe", "deepep_v2", "pplx", "ascend_tp",
] as const;

type SpecInput = Omit<FlagSpec, "aliases" | "dest"> & { aliases?: readonly string[]; dest?: string };

function flag(spec: SpecInput): FlagSpec {
  return { ...spec, aliases: spec.aliases ?? [], dest: spec.dest ?? spec.name.replace(/^--/, "").replace(/-/g, "_") };
}

/** In this order flags appear in built commands. */
export const FLAG_CATALOGUE: readonly FlagSpec[] = [
  // ---- model ----
  flag({ name: "--model-path", aliases: ["--model"], type: "path", default: null, group: "model", help: "Model weights: a local folder or a Hugging Face repo id." }),
  flag({ name: "--tokenizer-path", type: "path", default: null, group: "model", help: "Tokenizer location when it differs from the model path." }),
  flag({ name: "--tokenizer-mode", type: "choice", choices: ["auto", "slow"], default: "auto", group: "model", help: "'auto' uses the fast tokenizer when available, 'slow' always the slow one." }),
  flag({ name: "--revision", type: "string", default: null, group: "model", help: "Model revision: branch, tag or commit id." }),
  flag({ name: "--trust-remote-code", type: "boolean", default: false, group: "model", help: "Allow custom model code from the Hub repository." }),
  flag({ name: "--context-length", type: "int", default: null, min: 1, unit: "tokens", humanReadable: true, group: "model", help: "Maximum context length; defaults to the model's config.json." }),
  flag({ name: "--dtype", type: "choice", choices: DTYPE_CHOICES, default: "auto", group: "model", help: "Data type for weights and activations." }),
  flag({ name: "--quantization", type: "choice", choices: QUANTIZATION_CHOICES, default: null, group: "model", help: "Quantization method." }),
  flag({ name: "--kv-cache-dtype", type: "choice", choices: KV_CACHE_DTYPE_CHOICES, default: "auto", group: "model", help: "Data type of the KV cache; 'auto' follows the model." }),
  flag({ name: "--load-format", type: "choice", choices: LOAD_FORMAT_CHOICES, default: "auto", group: "model", help: "Format of the weights to load." }),
  flag({ name: "--chat-template", type: "string", default: null, group: "model", help: "Built-in chat template name or path of a template file." }),
  flag({ name: "--json-model-override-args", type: "json", default: "{}", group: "model", help: "JSON object overriding fields of the model config." }),
  flag({ name: "--is-embedding", type: "boolean", default: false, group: "model", help: "Serve a causal LM as an embedding model." }),
  flag({ name: "--enable-multimodal", type: "boolean", default: false, group: "model", help: "Enable multimodal inputs for a multimodal model." }),
  flag({ name: "--skip-tokenizer-init", type: "boolean", default: false, group: "model", help: "Skip tokenizer init; requests must pass input_ids." }),

  // ---- parallelism ----
  flag({ name: "--tp-size", aliases: ["--tp", "--tensor-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism", help: "Tensor parallel size (GPUs per model replica)." }),
  flag({ name: "--dp-size", aliases: ["--dp", "--data-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism", help: "Data parallel size (replicas, or attention DP groups with --enable-dp-attention)." }),
  flag({ name: "--pp-size", aliases: ["--pipeline-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism", help: "Pipeline parallel size." }),
  flag({ name: "--ep-size", aliases: ["--ep", "--expert-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism", help: "Expert parallel size for MoE layers; must divide --tp-size." }),
  flag({ name: "--enable-dp-attention", type: "boolean", default: false, group: "parallelism", help: "Data parallel attention with tensor parallel FFN; DP groups live inside the TP group." }),
  flag({ name: "--enable-dp-lm-head", type: "boolean", default: false, group: "parallelism", help: "Vocabulary parallel LM head within attention TP groups (needs DP attention)." }),
  flag({ name: "--moe-runner-backend", type: "choice", choices: MOE_RUNNER_BACKEND_CHOICES, default: "auto", group: "parallelism", help: "Runner backend for MoE layers." }),
  flag({ name: "--moe-a2a-backend", type: "choice", choices: MOE_A2A_BACKEND_CHOICES, default: "none", group: "parallelism", help: "All-to-all backend for expert parallel MoE." }),
  flag({ name: "--nnodes", type: "int", default: 1, min: 1, group: "parallelism", help: "Number of nodes." }),
  flag({ name: "--node-rank", type: "int", default: 0, min: 0, group: "parallelism", help: "Rank of this node." }),
  flag({ name: "--dist-init-addr", aliases: ["--nccl-init-addr"], type: "string", default: null, group: "parallelism", help: "host:port for initialising the distributed backend across nodes." }),
  flag({ name: "--nccl-port", type: "int", default: null, min: 1, max: 65535, group: "parallelism", help: "Port for NCCL setup; random when unset." }),
  flag({ name: "--dist-timeout", type: "int", default: null, min: 1, unit: "s", group: "parallelism", help: "Timeout of torch.distributed initialisation." }),
  flag({ name: "--base-gpu-id", type: "int", default: 0, min: 0, group: "parallelism", help: "First visible GPU index the server uses." }),
  flag({ name: "--gpu-id-step", type: "int", default: 1, min: 1, group: "parallelism", help: "Step between the visible GPU indexes used." }),

  // ---- memory and scheduling ----
  flag({ name: "--mem-fraction-static", type: "float", default: null, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, group: "memory", help: "Fraction of GPU memory for weights and KV cache; lower it on out-of-memory errors." }),
  flag({ name: "--max-running-requests", type: "int", default: null, min: 1, group: "memory", help: "Maximum number of running requests." }),
  flag({ name: "--max-queued-requests", type: "int", default: null, min: 1, group: "memory", help: "Maximum number of queued requests." }),
  flag({ name: "--max-total-tokens", type: "int", default: null, min: 1, unit: "tokens", humanReadable: true, group: "memory", help: "Size of the KV token pool; computed from the memory fraction when unset." }),
  flag({ name: "--chunked-prefill-size", type: "int", default: null, min: -1, unit: "tokens", group: "memory", help: "Tokens per chunked-prefill chunk; -1 disables chunked prefill." }),
  flag({ name: "--max-prefill-tokens", type: "int", default: 16384, min: 1, unit: "tokens", humanReadable: true, group: "memory", help: "Maximum tokens in a prefill batch." }),
  flag({ name: "--page-size", type: "int", default: null, min: 1, unit: "tokens", group: "memory", help: "Tokens per KV cache page." }),
  flag({ name: "--schedule-policy", type: "choice", choices: ["lpm", "random", "fcfs", "dfs-weight", "lof", "priority", "routing-key"], default: "fcfs", group: "memory", help: "Request scheduling policy." }),
  flag({ name: "--schedule-conservativeness", type: "float", default: 1.0, min: 0, exclusiveMin: true, group: "memory", help: "Higher values schedule more conservatively (fewer retractions)." }),
  flag({ name: "--disable-radix-cache", type: "boolean", default: false, group: "memory", help: "Disable RadixAttention prefix caching." }),
  flag({ name: "--enable-hierarchical-cache", type: "boolean", default: false, group: "memory", help: "Extend the KV cache into host memory (HiCache)." }),
  flag({ name: "--cpu-offload-gb", type: "int", default: 0, min: 0, unit: "GB", group: "memory", help: "GB of RAM to reserve for CPU offloading." }),
  flag({ name: "--cuda-graph-max-bs", type: "int", default: null, min: 1, group: "memory", help: "Largest batch size captured in CUDA graphs.", deprecatedFor: "--cuda-graph-max-bs-decode" }),
  flag({ name: "--disable-cuda-graph", type: "boolean", default: false, group: "memory", help: "Do not capture CUDA graphs (slower decode, less memory).", deprecatedFor: "--cuda-graph-backend-decode=disabled" }),
  flag({ name: "--disable-cuda-graph-padding", type: "boolean", default: false, group: "memory", help: "Skip CUDA graphs when padding would be needed." }),

  // ---- parsers ----
  flag({ name: "--tool-call-parser", type: "choice", choices: TOOL_CALL_PARSER_CHOICES, default: null, group: "parsers", help: "Parser turning the model's tool-call text into tool_calls (glm47 for GLM-4.7)." }),
  flag({ name: "--reasoning-parser", type: "choice", choices: REASONING_PARSER_CHOICES, default: null, group: "parsers", help: "Parser separating reasoning_content from content (glm45 for GLM-4.5 to 4.7)." }),
  flag({ name: "--grammar-backend", type: "choice", choices: GRAMMAR_BACKEND_CHOICES, default: null, group: "parsers", help: "Backend for grammar-guided decoding; xgrammar when unset." }),

  // ---- speculative decoding ----
  flag({ name: "--speculative-algorithm", type: "choice", choices: SPECULATIVE_ALGORITHM_CHOICES, default: null, group: "speculative", help: "Speculative decoding algorithm." }),
  flag({ name: "--speculative-draft-model-path", aliases: ["--speculative-draft-model"], type: "path", default: null, group: "speculative", help: "Draft model weights: local folder or Hugging Face repo id." }),
  flag({ name: "--speculative-draft-model-revision", type: "string", default: null, group: "speculative", help: "Draft model revision." }),
  flag({ name: "--speculative-num-steps", type: "int", default: null, min: 1, group: "speculative", help: "Draft steps per verification." }),
  flag({ name: "--speculative-eagle-topk", type: "int", default: null, min: 1, group: "speculative", help: "Tokens sampled from the draft per step (EAGLE)." }),
  flag({ name: "--speculative-num-draft-tokens", type: "int", default: null, min: 1, group: "speculative", help: "Draft tokens verified per step." }),
  flag({ name: "--speculative-accept-threshold-single", type: "float", default: 1.0, min: 0, max: 1, group: "speculative", help: "Accept a draft token when the target probability exceeds this." }),
  flag({ name: "--speculative-token-map", type: "path", default: null, group: "speculative", help: "Draft model's reduced vocabulary table (FR-Spec)." }),
  flag({ name: "--speculative-attention-mode", type: "choice", choices: ["prefill", "decode"], default: "prefill", group: "speculative", help: "Attention backend used for verify and draft extend." }),

  // ---- server ----
  flag({ name: "--host", type: "string", default: "127.0.0.1", group: "server", help: "Address the HTTP server binds to." }),
  flag({ name: "--port", type: "int", default: 30000, min: 1, max: 65535, group: "server", help: "Port of the HTTP server." }),
  flag({ name: "--served-model-name", type: "string", default: null, group: "server", help: "Model name returned by /v1/models." }),
  flag({ name: "--api-key", type: "string", default: null, group: "server", help: "API key clients must send as a Bearer token." }),
  flag({ name: "--skip-server-warmup", type: "boolean", default: false, group: "server", help: "Skip the warm-up request." }),
  flag({ name: "--enable-metrics", type: "boolean", default: false, group: "server", help: "Expose Prometheus metrics on /metrics." }),
  flag({ name: "--log-level", type: "string", default: "info", suggestions: LOG_LEVEL_SUGGESTIONS, group: "server", help: "Logging level of all loggers." }),
  flag({ name: "--log-level-http", type: "string", default: null, suggestions: LOG_LEVEL_SUGGESTIONS, group: "server", help: "Logging level of the HTTP server; --log-level when unset." }),
  flag({ name: "--log-requests", type: "boolean", default: false, group: "server", help: "Log requests (verbosity from --log-requests-level)." }),
  flag({ name: "--log-requests-level", type: "int", default: 2, min: 0, max: 3, group: "server", help: "0 metadata, 1 + sampling params, 2 + partial input/output, 3 everything." }),
  flag({ name: "--random-seed", type: "int", default: null, group: "server", help: "Random seed." }),
  flag({ name: "--watchdog-timeout", type: "float", default: 300, min: 0, exclusiveMin: true, unit: "s", group: "server", help: "Crash when a forward batch takes longer than this." }),
  flag({ name: "--stream-interval", type: "int", default: 1, min: 1, unit: "tokens", group: "server", help: "Streaming buffer size in tokens." }),
  flag({ name: "--enable-cache-report", type: "boolean", default: false, group: "server", help: "Report cached tokens in usage.prompt_tokens_details." }),
  flag({ name: "--ssl-keyfile", type: "path", default: null, group: "server", help: "SSL key file." }),
  flag({ name: "--ssl-certfile", type: "path", default: null, group: "server", help: "SSL certificate file." }),

  // ---- advanced ----
  flag({ name: "--attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels; chosen per model and GPU when unset." }),
  flag({ name: "--prefill-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels for prefill (overrides --attention-backend)." }),
  flag({ name: "--decode-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels for decode (overrides --attention-backend)." }),
  flag({ name: "--sampling-backend", type: "choice", choices: ["flashinfer", "pytorch", "ascend"], default: null, group: "advanced", help: "Kernels for sampling." }),
  flag({ name: "--disable-overlap-schedule", type: "boolean", default: false, group: "advanced", help: "Disable overlapping the CPU scheduler with GPU work." }),
  flag({ name: "--enable-torch-compile", type: "boolean", default: false, group: "advanced", help: "Optimise with torch.compile (experimental, slower start)." }),
  flag({ name: "--torch-compile-max-bs", type: "int", default: 32, min: 1, group: "advanced", help: "Largest batch size compiled with torch.compile." }),
  flag({ name: "--disable-custom-all-reduce", type: "boolean", default: false, group: "advanced", help: "Use NCCL instead of the custom all-reduce kernel." }),
  flag({ name: "--enable-p2p-check", type: "boolean", default: false, group: "advanced", help: "Check GPU peer-to-peer access instead of assuming it." }),
  flag({ name: "--enable-custom-logit-processor", type: "boolean", default: false, group: "advanced", help: "Allow requests to pass custom logit processors." }),
  flag({ name: "--device", type: "string", default: null, suggestions: ["cuda", "xpu", "hpu", "npu", "cpu", "musa"], group: "advanced", help: "Device type; auto-detected when unset." }),
];

const byName = new Map<string, FlagSpec>();
for (const spec of FLAG_CATALOGUE) {
  byName.set(spec.name, spec);
  for (const alias of spec.aliases) byName.set(alias, spec);
}

/** The flag named `nameOrAlias` (canonical name or alias, with its dashes), or undefined. */
export function findFlag(nameOrAlias: string): FlagSpec | undefined {
  return byName.get(nameOrAlias);
}

/** Every canonical name and alias. */
export function allFlagSpellings(): string[] {
  return [...byName.keys()];
}

const order = new Map<string, number>(FLAG_CATALOGUE.map((spec, index) => [spec.name, index]));

/** Position of a canonical name in the catalogue (unknown names sort last). */
export function catalogueIndex(name: string): number {
  return order.get(name) ?? Number.MAX_SAFE_INTEGER;
}

export function flagsInGroup(group: FlagGroup): FlagSpec[] {
  return FLAG_CATALOGUE.filter((spec) => spec.group === group);
}
