"""Serving statistics, exposed as Prometheus text under SGLang's metric names.

Buckets and labels as python/sglang/srt/metrics/collector.py has them: the tokenizer manager's histograms and
counters are one series (TTFT also split by `is_streaming`); the schedulers' gauges come from rank 0 only, or,
with --enable-metrics-for-all-schedulers, one series per TP rank (`tp_rank`), each with the same batch.
"""

import threading

TTFT_BUCKETS = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400]
ITL_BUCKETS = [0.002, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.06, 0.08, 0.1, 0.2, 0.4,
               0.6, 0.8, 1.0, 2.0, 4.0, 6.0, 8.0]
E2E_BUCKETS = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400, 600, 1200, 1800, 2400]


class Histogram:
    def __init__(self, buckets):
        self.buckets, self.counts, self.sum, self.count = buckets, [0] * len(buckets), 0.0, 0

    def observe(self, value):
        self.sum += value
        self.count += 1
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[i] += 1

    def lines(self, name, labels):
        out = []
        for bound, n in zip(self.buckets, self.counts):
            out.append(f'{name}_bucket{{le="{float(bound)}",{labels}}} {float(n)}')
        out.append(f'{name}_bucket{{le="+Inf",{labels}}} {float(self.count)}')
        out.append(f"{name}_count{{{labels}}} {float(self.count)}")
        out.append(f"{name}_sum{{{labels}}} {self.sum}")
        return out


def _header(name):
    return [f"# HELP {name} Histogram of {name.split(':')[1].replace('_', ' ')}.", f"# TYPE {name} histogram"]


class Metrics:
    def __init__(self, model_name, max_total_tokens, scheduler_ranks=None):
        self.lock = threading.Lock()
        self.model_name = model_name
        self.scheduler_ranks = scheduler_ranks  # TP ranks reporting their own gauges, or None: rank 0 alone
        self.max_total_tokens = max(1, max_total_tokens)
        self.running = 0
        self.tokens_in_flight = 0
        self.prompt_tokens = 0
        self.generation_tokens = 0
        self.cached_tokens = 0
        self.requests = 0
        self.aborted = 0
        self.last_gen_throughput = 0.0
        self.ttft = {}  # by is_streaming, a series once observed (as prometheus_client's labels())
        self.itl = Histogram(ITL_BUCKETS)
        self.e2e = Histogram(E2E_BUCKETS)

    def started(self, prompt_tokens, cached):
        with self.lock:
            self.running += 1
            self.tokens_in_flight += prompt_tokens
            self.prompt_tokens += prompt_tokens
            self.cached_tokens += cached
            self.requests += 1
            return self.running

    def finished(self, prompt_tokens, completion_tokens, ttft, e2e, aborted=False, streaming=False):
        with self.lock:
            self.running -= 1
            self.tokens_in_flight -= prompt_tokens
            self.generation_tokens += completion_tokens
            if aborted:
                self.aborted += 1
            if ttft is not None:
                self.ttft.setdefault(streaming, Histogram(TTFT_BUCKETS)).observe(ttft)
            self.e2e.observe(e2e)
            if completion_tokens > 1 and ttft is not None and e2e > ttft:
                self.itl.observe((e2e - ttft) / (completion_tokens - 1))
                self.last_gen_throughput = (completion_tokens - 1) / (e2e - ttft)

    def token_usage(self):
        return self.tokens_in_flight / self.max_total_tokens

    def render(self):
        labels = f'model_name="{self.model_name}"'
        with self.lock:
            hit_rate = self.cached_tokens / self.prompt_tokens if self.prompt_tokens else 0.0
            gauges = [
                ("sglang:num_running_reqs", "The number of running requests.", self.running),
                ("sglang:num_queue_reqs", "The number of requests in the waiting queue.", 0),
                ("sglang:num_used_tokens", "The number of used tokens.", self.tokens_in_flight),
                ("sglang:token_usage", "The token usage.", round(self.token_usage(), 4)),
                ("sglang:gen_throughput", "The generation throughput (token/s).", round(self.last_gen_throughput, 2)),
                ("sglang:cache_hit_rate", "The prefix cache hit rate.", round(hit_rate, 4)),
            ]
            counters = [
                ("sglang:prompt_tokens_total", "Number of prefill tokens processed.", self.prompt_tokens),
                ("sglang:generation_tokens_total", "Number of generation tokens processed.", self.generation_tokens),
                ("sglang:cached_tokens_total", "Number of cached prompt tokens.", self.cached_tokens),
                ("sglang:num_requests_total", "Number of requests processed.", self.requests),
                ("sglang:num_aborted_requests_total", "Number of requests aborted.", self.aborted),
            ]
            ranks = [f'{labels},tp_rank="{rank}"' for rank in range(self.scheduler_ranks)] if self.scheduler_ranks else [labels]
            lines = []
            for name, help_text, value in gauges:
                lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
                lines += [f"{name}{{{rank}}} {float(value)}" for rank in ranks]
            for name, help_text, value in counters:
                lines += [f"# HELP {name} {help_text}", f"# TYPE {name} counter", f"{name}{{{labels}}} {float(value)}"]
            lines += _header("sglang:time_to_first_token_seconds")
            for streaming, histogram in sorted(self.ttft.items()):
                lines += histogram.lines("sglang:time_to_first_token_seconds", f'{labels},is_streaming="{str(streaming).lower()}"')
            for name, histogram in (("sglang:inter_token_latency_seconds", self.itl), ("sglang:e2e_request_latency_seconds", self.e2e)):
                lines += _header(name) + histogram.lines(name, labels)
        return "\n".join(lines) + "\n"
