"""Command line of `python -m sglang.launch_server`: real flag names, aliases and choices.

The parser is the single source of truth: ServerArgs holds every destination in
the order the flags were added, and prints as SGLang's `server_args=ServerArgs(...)`.
"""

import argparse
import hashlib
import os

from sglang.srt import model_config

TOOL_CALL_PARSER_CHOICES = [
    "deepseekv3", "deepseekv31", "deepseekv32", "glm", "glm45", "glm47", "gpt-oss",
    "hermes", "interns1", "kimi_k2", "llama3", "minimax-m2", "mistral", "pythonic",
    "qwen", "qwen25", "qwen3_coder", "step3", "gigachat3",
]
REASONING_PARSER_CHOICES = [
    "deepseek-r1", "deepseek-v3", "glm45", "gpt-oss", "kimi", "kimi_k2", "qwen3",
    "qwen3-thinking", "minimax", "minimax-append-think", "step3", "nano_v3", "interns1",
]
ATTENTION_BACKEND_CHOICES = [
    "triton", "torch_native", "flex_attention", "nsa", "cutlass_mla", "fa3", "fa4",
    "flashinfer", "flashmla", "trtllm_mla", "trtllm_mha", "dual_chunk_flash_attn",
    "aiter", "wave", "intel_amx", "ascend", "intel_xpu",
]
QUANTIZATION_CHOICES = [
    "awq", "fp8", "gptq", "marlin", "gptq_marlin", "awq_marlin", "bitsandbytes", "gguf",
    "modelopt", "modelopt_fp8", "modelopt_fp4", "petit_nvfp4", "w8a8_int8", "w8a8_fp8",
    "moe_wna16", "qoq", "w4afp8", "mxfp4", "auto-round", "compressed-tensors", "modelslim",
]
DTYPE_CHOICES = ["auto", "half", "float16", "bfloat16", "float", "float32"]
KV_CACHE_DTYPE_CHOICES = ["auto", "fp8_e5m2", "fp8_e4m3", "bf16", "bfloat16", "fp4_e2m1"]
SPECULATIVE_ALGORITHM_CHOICES = ["EAGLE", "EAGLE3", "NEXTN", "STANDALONE", "NGRAM"]
GRAMMAR_BACKEND_CHOICES = ["xgrammar", "outlines", "llguidance", "none"]
MOE_A2A_BACKEND_CHOICES = ["none", "deepep", "mooncake", "ascend_fuseep"]
MOE_RUNNER_BACKEND_CHOICES = [
    "auto", "deep_gemm", "triton", "triton_kernel", "flashinfer_trtllm",
    "flashinfer_cutlass", "flashinfer_mxfp4", "flashinfer_cutedsl", "cutlass",
]
LOAD_FORMAT_CHOICES = [
    "auto", "pt", "safetensors", "npcache", "dummy", "sharded_state", "gguf",
    "bitsandbytes", "layered", "remote", "remote_instance",
]
SCHEDULE_POLICY_CHOICES = ["lpm", "random", "fcfs", "dfs-weight", "lof", "priority"]
SAMPLING_BACKEND_CHOICES = ["flashinfer", "pytorch", "ascend"]


def make_parser():
    p = argparse.ArgumentParser(prog="launch_server.py")
    a = p.add_argument
    # Model and tokenizer
    a("--model-path", "--model", dest="model_path", type=str, required=True,
      help="The path of the model weights. This can be a local folder or a Hugging Face repo ID.")
    a("--tokenizer-path", type=str, default=None)
    a("--tokenizer-mode", type=str, default="auto", choices=["auto", "slow"])
    a("--skip-tokenizer-init", action="store_true")
    a("--load-format", type=str, default="auto", choices=LOAD_FORMAT_CHOICES)
    a("--trust-remote-code", action="store_true")
    a("--context-length", type=int, default=None)
    a("--is-embedding", action="store_true")
    a("--revision", type=str, default=None)
    a("--model-impl", type=str, default="auto")
    # HTTP server
    a("--host", type=str, default="127.0.0.1")
    a("--port", type=int, default=30000)
    a("--skip-server-warmup", action="store_true")
    a("--warmups", type=str, default=None)
    a("--nccl-port", type=int, default=None)
    # Quantization and data type
    a("--dtype", type=str, default="auto", choices=DTYPE_CHOICES)
    a("--quantization", type=str, default=None, choices=QUANTIZATION_CHOICES)
    a("--quantization-param-path", type=str, default=None)
    a("--kv-cache-dtype", type=str, default="auto", choices=KV_CACHE_DTYPE_CHOICES)
    # Memory and scheduling
    a("--mem-fraction-static", type=float, default=None)
    a("--max-running-requests", type=int, default=None)
    a("--max-queued-requests", type=int, default=None)
    a("--max-total-tokens", type=int, default=None)
    a("--chunked-prefill-size", type=int, default=None)
    a("--max-prefill-tokens", type=int, default=16384)
    a("--schedule-policy", type=str, default="fcfs", choices=SCHEDULE_POLICY_CHOICES)
    a("--schedule-conservativeness", type=float, default=1.0)
    a("--page-size", type=int, default=None)
    # Runtime options
    a("--device", type=str, default=None)
    a("--tensor-parallel-size", "--tp-size", "--tp", dest="tp_size", type=int, default=1)
    a("--pipeline-parallel-size", "--pp-size", "--pp", dest="pp_size", type=int, default=1)
    a("--stream-interval", type=int, default=1)
    a("--stream-output", action="store_true")
    a("--random-seed", type=int, default=None)
    a("--watchdog-timeout", type=float, default=300)
    a("--download-dir", type=str, default=None)
    a("--base-gpu-id", type=int, default=0)
    a("--gpu-id-step", type=int, default=1)
    a("--sleep-on-idle", action="store_true")
    # Logging
    a("--log-level", type=str, default="info")
    a("--log-level-http", type=str, default=None)
    a("--log-requests", action="store_true")
    a("--log-requests-level", type=int, default=2, choices=[0, 1, 2, 3])
    a("--show-time-cost", action="store_true")
    a("--enable-metrics", action="store_true")
    a("--enable-metrics-for-all-schedulers", action="store_true")
    a("--decode-log-interval", type=int, default=40)
    # API related
    a("--api-key", type=str, default=None)
    a("--served-model-name", type=str, default=None)
    a("--weight-version", type=str, default="default")
    a("--chat-template", type=str, default=None)
    a("--completion-template", type=str, default=None)
    a("--file-storage-path", type=str, default="sglang_storage")
    a("--enable-cache-report", action="store_true")
    a("--reasoning-parser", type=str, default=None, choices=REASONING_PARSER_CHOICES)
    a("--tool-call-parser", type=str, default=None, choices=TOOL_CALL_PARSER_CHOICES)
    a("--tool-server", type=str, default=None)
    # Data parallelism
    a("--data-parallel-size", "--dp-size", "--dp", dest="dp_size", type=int, default=1)
    a("--load-balance-method", type=str, default="round_robin",
      choices=["round_robin", "shortest_queue", "minimum_tokens"])
    # Multi-node distributed serving
    a("--dist-init-addr", "--nccl-init-addr", dest="dist_init_addr", type=str, default=None)
    a("--nnodes", type=int, default=1)
    a("--node-rank", type=int, default=0)
    # Kernel backends
    a("--attention-backend", type=str, default=None, choices=ATTENTION_BACKEND_CHOICES)
    a("--prefill-attention-backend", type=str, default=None, choices=ATTENTION_BACKEND_CHOICES)
    a("--decode-attention-backend", type=str, default=None, choices=ATTENTION_BACKEND_CHOICES)
    a("--sampling-backend", type=str, default=None, choices=SAMPLING_BACKEND_CHOICES)
    a("--grammar-backend", type=str, default=None, choices=GRAMMAR_BACKEND_CHOICES)
    # Speculative decoding
    a("--speculative-algorithm", type=str, default=None, choices=SPECULATIVE_ALGORITHM_CHOICES)
    a("--speculative-draft-model-path", "--speculative-draft-model", dest="speculative_draft_model_path",
      type=str, default=None)
    a("--speculative-num-steps", type=int, default=None)
    a("--speculative-eagle-topk", type=int, default=None)
    a("--speculative-num-draft-tokens", type=int, default=None)
    a("--speculative-accept-threshold-single", type=float, default=1.0)
    a("--speculative-token-map", type=str, default=None)
    # Expert parallelism
    a("--expert-parallel-size", "--ep-size", "--ep", dest="ep_size", type=int, default=1)
    a("--moe-a2a-backend", type=str, default="none", choices=MOE_A2A_BACKEND_CHOICES)
    a("--moe-runner-backend", type=str, default="auto", choices=MOE_RUNNER_BACKEND_CHOICES)
    a("--enable-eplb", action="store_true")
    a("--ep-num-redundant-experts", type=int, default=0)
    # Optimization / debug options
    a("--disable-radix-cache", action="store_true")
    a("--cuda-graph-max-bs", type=int, default=None)
    a("--cuda-graph-bs", type=int, nargs="+", default=None)
    a("--disable-cuda-graph", action="store_true")
    a("--disable-cuda-graph-padding", action="store_true")
    a("--enable-nccl-nvls", action="store_true")
    a("--disable-custom-all-reduce", action="store_true")
    a("--disable-overlap-schedule", action="store_true")
    a("--enable-mixed-chunk", action="store_true")
    a("--enable-dp-attention", action="store_true")
    a("--enable-dp-lm-head", action="store_true")
    a("--enable-two-batch-overlap", action="store_true")
    a("--enable-torch-compile", action="store_true")
    a("--torch-compile-max-bs", type=int, default=32)
    a("--triton-attention-num-kv-splits", type=int, default=8)
    a("--num-continuous-decode-steps", type=int, default=1)
    a("--delete-ckpt-after-loading", action="store_true")
    a("--enable-memory-saver", action="store_true")
    a("--allow-auto-truncate", action="store_true")
    a("--enable-custom-logit-processor", action="store_true")
    a("--enable-hierarchical-cache", action="store_true")
    a("--hicache-ratio", type=float, default=2.0)
    a("--enable-deterministic-inference", action="store_true")
    a("--enable-lora", action="store_true")
    a("--lora-paths", type=str, nargs="*", default=None)
    a("--max-loras-per-batch", type=int, default=8)
    a("--disaggregation-mode", type=str, default="null", choices=["null", "prefill", "decode"])
    return p


class ServerArgs:
    """Parsed flags, in the parser's order; repr like SGLang's dataclass."""

    def __init__(self, namespace, order):
        self._order = list(order)
        for key in self._order:
            setattr(self, key, getattr(namespace, key))

    def fields(self):
        return {k: getattr(self, k) for k in self._order}

    def __repr__(self):
        return "ServerArgs(" + ", ".join(f"{k}={v!r}" for k, v in self.fields().items()) + ")"


def ensure_divisibility(numerator, denominator):
    assert numerator % denominator == 0, f"{numerator} is not divisible by {denominator}"


def _default_mem_fraction(tp_size):
    if tp_size >= 16:
        return 0.79
    if tp_size >= 8:
        return 0.81
    if tp_size >= 4:
        return 0.85
    if tp_size >= 2:
        return 0.87
    return 0.88


def _post_init(args, model):
    """What ServerArgs.__post_init__ fills in and checks (raises like SGLang)."""
    if args.tokenizer_path is None:
        args.tokenizer_path = args.model_path
    if args.mem_fraction_static is None:
        args.mem_fraction_static = _default_mem_fraction(args.tp_size)
    assert 0 < args.mem_fraction_static < 1, (
        f"mem_fraction_static must be in (0, 1), got {args.mem_fraction_static}"
    )
    for name in ("tp_size", "dp_size", "pp_size", "ep_size", "nnodes"):
        assert getattr(args, name) >= 1, f"{name} must be a positive integer, got {getattr(args, name)}"
    ensure_divisibility(args.tp_size, args.ep_size)
    if args.enable_dp_attention:
        ensure_divisibility(args.tp_size, args.dp_size)
    if args.chunked_prefill_size is None:
        args.chunked_prefill_size = 8192
    if args.cuda_graph_max_bs is None:
        args.cuda_graph_max_bs = 160
    if args.attention_backend is None:
        args.attention_backend = "flashinfer" if not model.is_mla else "fa3"
    if args.sampling_backend is None:
        args.sampling_backend = "flashinfer"
    if args.grammar_backend is None:
        args.grammar_backend = "xgrammar"
    if args.device is None:
        args.device = "cuda"
    if args.page_size is None:
        args.page_size = 1
    if args.speculative_algorithm and args.speculative_algorithm != "NGRAM":
        if args.speculative_num_steps is None:
            args.speculative_num_steps = 3
        if args.speculative_eagle_topk is None:
            args.speculative_eagle_topk = 1
        if args.speculative_num_draft_tokens is None:
            args.speculative_num_draft_tokens = 4
    if args.random_seed is None:
        # Real SGLang draws a random seed; the simulator derives one from the command line.
        digest = hashlib.sha256(f"{args.model_path}:{args.port}".encode()).hexdigest()
        args.random_seed = int(digest[:8], 16) % (1 << 30)
    if args.context_length is not None and args.context_length > model.context_length:
        if os.environ.get("SGLANG_ALLOW_OVERWRITE_LONGER_CONTEXT_LEN", "") not in ("1", "true", "True"):
            raise ValueError(
                f"User-specified context_length ({args.context_length}) is greater than the derived "
                f"context_length ({model.context_length}). This may lead to incorrect model outputs or "
                "CUDA errors. To allow overriding this maximum, set the env var "
                "SGLANG_ALLOW_OVERWRITE_LONGER_CONTEXT_LEN=1"
            )


def prepare_server_args(argv):
    parser = make_parser()
    namespace = parser.parse_args(argv)
    order = [action.dest for action in parser._actions if action.dest != "help"]
    args = ServerArgs(namespace, order)
    model = model_config.load(args.model_path, args.trust_remote_code)
    _post_init(args, model)
    return args, model
