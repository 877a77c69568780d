/** What a traceback frame (`File "...", line N, in fn`) says about where the failing code runs. */
import type { FrameHint } from "./failure";

/** In order: the first pattern that matches the frame's path and function names its hint. */
const FRAME_HINTS: readonly { hint: FrameHint; re: RegExp }[] = [
  { hint: "speculative", re: /eagle|speculative|draft|mtp_worker|multi_layer_eagle|ngram_worker|nextn/i },
  { hint: "ready", re: /_wait_and_warmup|warmup|_execute_server_warmup/i },
  { hint: "cuda_graph", re: /cuda_graph_runner|init_cuda_graphs|capture|piecewise|graph_runner/i },
  // The attention backend is set up after the pool and before the graphs: still the KV cache's phase.
  { hint: "kv_cache", re: /init_memory_pool|memory_pool|profile_max_num_token|alloc_token|kv_cache|init_attention_backend/i },
  { hint: "load_weights", re: /model_loader|load_model|load_weights|weight_utils|get_model\b|_initialize_model/i },
  { hint: "dist_init", re: /init_torch_distributed|parallel_state|init_distributed|init_process_group|initialize_model_parallel/i },
  // The launcher's own module code and the argument checks run before any process is spawned.
  { hint: "args", re: /launch_server\.py <module>|server_args\.py|prepare_server_args|check_server_args/ },
  { hint: "serving", re: /event_loop|run_batch|forward_batch_generation|forward_decode|forward_extend|process_batch_result|handle_generate_request|tokenizer_manager|serving_chat|serving_completions|run_step/i },
];

export function frameHintOf(path: string, fn: string): FrameHint | null {
  const s = `${path} ${fn}`;
  for (const { hint, re } of FRAME_HINTS) if (re.test(s)) return hint;
  return null;
}
