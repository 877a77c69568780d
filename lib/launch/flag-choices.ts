// Choice lists of SGLang flags, as server_args.py and its registries define them (release: see flag-catalogue.ts).

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
  "step3", "step3p5", "mistral", "nemotron_3", "interns1", "gemma4", "inkling", "cohere_command4", "kimi_k3",
  "telechat4",
] as const;

/** Built-in speculative algorithms; --speculative-algorithm also takes names registered through SpeculativeAlgorithm.register. */
export const SPECULATIVE_ALGORITHM_SUGGESTIONS = ["EAGLE", "EAGLE3", "NEXTN", "STANDALONE", "NGRAM", "DFLASH", "DSPARK"] as const;

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

/** Backend per CUDA graph phase (cuda_graph_config.Backend.ALL). */
export const CUDA_GRAPH_BACKEND_CHOICES = ["full", "breakable", "disabled"] as const;
