"""GPU memory as SGLang's ModelRunner logs it, from the model size and --mem-fraction-static."""

from sglang.srt import sim_env

DIST_INIT_GIB = 0.41


class MemoryPlan:
    def __init__(self, args, model):
        self.capacity = sim_env.gpu_capacity_gib()
        self.start_avail = self.capacity - 0.90
        shards = max(1, args.tp_size * args.pp_size)
        self.weights = model.weight_gib(args.dtype, args.quantization) / shards
        self.shards = model.shards(self.weights * shards)
        self.after_weights = self.start_avail - self.weights
        self.draft = 0.0
        if args.speculative_algorithm and args.speculative_algorithm != "NGRAM":
            self.draft = 1.40 if model.architecture in ("Glm4MoeLiteForCausalLM",) else max(0.3, self.weights * 0.03)
        self.after_draft = self.after_weights - self.draft
        # What stays free for activations and CUDA graphs: (1 - fraction) of the GPU.
        self.reserved = self.capacity * (1 - args.mem_fraction_static) - 0.90
        self.per_token = model.kv_bytes_per_token(args.tp_size, args.kv_cache_dtype)
        rest = self.after_draft - self.reserved
        self.profiled_tokens = int(rest * 2**30 / self.per_token) // 64 * 64 if rest > 0 else int(rest * 2**30 / self.per_token)
        self.tokens = self.profiled_tokens
        if args.max_total_tokens is not None and 0 < args.max_total_tokens < self.tokens:
            self.tokens = args.max_total_tokens
        self.kv_gib = max(0, self.tokens) * self.per_token / 2**30
        self.after_pool = self.after_draft - self.kv_gib
        self.graph_usage = 0.80 * min(args.cuda_graph_max_bs, 512) / 160
        self.after_graph = self.after_pool - (0 if args.disable_cuda_graph else self.graph_usage)

    def weights_fit(self):
        return self.weights < self.start_avail - 0.4 and self.after_weights - self.draft > 0.2

    def graph_fits(self):
        return self.after_pool > self.graph_usage + 0.25
