// Memory, scheduling and CUDA graphs. Facts: see flag-catalogue.ts.
import { CUDA_GRAPH_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const MEMORY_FLAGS: readonly FlagSpec[] = [
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
  flag({ name: "--disable-cuda-graph", type: "boolean", default: false, group: "memory", help: "Do not capture CUDA graphs (slower decode, less memory).", deprecatedFor: "--cuda-graph-backend-decode disabled --cuda-graph-backend-prefill disabled" }),
  flag({ name: "--disable-cuda-graph-padding", type: "boolean", default: false, group: "memory", help: "Skip CUDA graphs when padding would be needed." }),
  flag({ name: "--cuda-graph-backend-decode", type: "choice", choices: CUDA_GRAPH_BACKEND_CHOICES, default: null, group: "memory", help: "CUDA graph backend for decode: full, breakable, or disabled." }),
  flag({ name: "--cuda-graph-backend-prefill", type: "choice", choices: CUDA_GRAPH_BACKEND_CHOICES, default: null, group: "memory", help: "CUDA graph backend for prefill: full, breakable, or disabled." }),
  flag({ name: "--cuda-graph-max-bs-decode", type: "int", default: null, min: 1, group: "memory", help: "Largest batch size captured in the decode CUDA graph." }),
  flag({ name: "--cuda-graph-max-bs-prefill", type: "int", default: null, min: 1, group: "memory", help: "Largest batch size captured in the prefill CUDA graph." }),
  flag({ name: "--disable-decode-cuda-graph", type: "boolean", default: false, group: "memory", help: "No decode CUDA graph (same as --cuda-graph-backend-decode disabled)." }),
  flag({ name: "--disable-prefill-cuda-graph", type: "boolean", default: false, group: "memory", help: "No prefill CUDA graph (same as --cuda-graph-backend-prefill disabled)." }),
  flag({ name: "--enable-mixed-chunk", type: "boolean", default: false, group: "memory", help: "Mix prefill and decode in one batch with chunked prefill." }),
  flag({ name: "--num-continuous-decode-steps", type: "int", default: 1, min: 1, group: "memory", help: "Decode steps run between two scheduling rounds." }),
  flag({ name: "--hicache-ratio", type: "float", default: 2.0, min: 0, exclusiveMin: true, group: "memory", help: "Host KV cache size as a multiple of the device KV cache (HiCache)." }),
  flag({ name: "--enable-memory-saver", type: "boolean", default: false, group: "memory", help: "Allow releasing and resuming memory with torch_memory_saver." }),
  flag({ name: "--allow-auto-truncate", type: "boolean", default: false, group: "memory", help: "Truncate requests longer than the context instead of refusing them." }),
  flag({ name: "--sleep-on-idle", type: "boolean", default: false, group: "memory", help: "Let the scheduler sleep when no request is waiting (less CPU)." }),
];
