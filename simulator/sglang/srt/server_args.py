"""Command line of `python -m sglang.launch_server`: real flag names, aliases and choices.

The parser is the single source of truth: ServerArgs holds every destination in
the order the flags were added, and prints as SGLang's `server_args=ServerArgs(...)`.
"""

import argparse
import hashlib
import json
import os
import re

from sglang.srt import model_config

# Generated from the console's flag catalogue (npm run flags:export): one table for both.
_FLAGS_FILE = os.path.join(os.path.dirname(__file__), "server_flags.json")


def human_readable_int(value):
    """SGLang's converter: 8192, 8k, 1.5M, 2G."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*", value)
    if not match:
        raise argparse.ArgumentTypeError(f"invalid human-readable integer: {value!r}")
    scale = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}[match.group(2).lower()]
    number = float(match.group(1)) * scale
    if number != int(number):
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}")
    return int(number)


_TYPES = {"int": int, "float": float, "str": str, "human_readable_int": human_readable_int}


def _env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _flag_table():
    """The generated table, changed by SGLANG_SIM_WITHOUT_FLAGS / SGLANG_SIM_EXTRA_CHOICES to act as another release."""
    with open(_FLAGS_FILE, encoding="utf-8") as file:
        flags = json.load(file)["flags"]
    without = set(_env_list("SGLANG_SIM_WITHOUT_FLAGS"))
    extra = {}
    for pair in _env_list("SGLANG_SIM_EXTRA_CHOICES"):
        flag, _, choice = pair.partition("=")
        extra.setdefault(flag, []).append(choice)
    table = []
    for flag in flags:
        if flag["options"][0] in without:
            continue
        if flag["choices"] is not None and flag["options"][0] in extra:
            flag = {**flag, "choices": flag["choices"] + extra[flag["options"][0]]}
        table.append(flag)
    return table


def add_cli_args(parser):
    for flag in _flag_table():
        kwargs = {"dest": flag["dest"], "default": flag["default"]}
        if flag["action"] == "store_true":
            kwargs["action"] = "store_true"
            kwargs["default"] = False
        else:
            kwargs["type"] = _TYPES[flag["type"]]
            if flag["choices"] is not None:
                kwargs["choices"] = flag["choices"]
            if flag["required"]:
                kwargs["required"] = True
        parser.add_argument(*flag["options"], **kwargs)


def make_parser():
    parser = argparse.ArgumentParser(prog="launch_server.py")
    add_cli_args(parser)
    return parser


class ServerArgs:
    """Parsed flags, in the parser's order; repr like SGLang's dataclass."""

    # Real SGLang builds its parser with ServerArgs.add_cli_args(parser); so does the console's flag introspection.
    add_cli_args = staticmethod(add_cli_args)

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
        args.cuda_graph_max_bs = args.cuda_graph_max_bs_decode or 160
    if args.disable_decode_cuda_graph or args.cuda_graph_backend_decode == "disabled":
        args.disable_cuda_graph = True
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
