// Memory, scheduling and CUDA graphs. Facts: see flag-catalogue.ts.
import { CUDA_GRAPH_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const MEMORY_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--mem-fraction-static", type: "float", default: null, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, group: "memory" }),
  flag({ name: "--max-running-requests", type: "int", default: null, min: 1, group: "memory" }),
  flag({ name: "--max-queued-requests", type: "int", default: null, min: 1, group: "memory" }),
  flag({ name: "--max-total-tokens", type: "int", default: null, min: 1, unit: "tokens", humanReadable: true, group: "memory" }),
  flag({ name: "--chunked-prefill-size", type: "int", default: null, min: -1, unit: "tokens", group: "memory" }),
  flag({ name: "--max-prefill-tokens", type: "int", default: 16384, min: 1, unit: "tokens", humanReadable: true, group: "memory" }),
  flag({ name: "--page-size", type: "int", default: null, min: 1, unit: "tokens", group: "memory" }),
  flag({ name: "--schedule-policy", type: "choice", choices: ["lpm", "random", "fcfs", "dfs-weight", "lof", "priority", "routing-key"], default: "fcfs", group: "memory" }),
  flag({ name: "--schedule-conservativeness", type: "float", default: 1.0, min: 0, exclusiveMin: true, group: "memory" }),
  flag({ name: "--disable-radix-cache", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--enable-hierarchical-cache", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--cpu-offload-gb", type: "int", default: 0, min: 0, unit: "GB", group: "memory" }),
  flag({ name: "--cuda-graph-max-bs", type: "int", default: null, min: 1, group: "memory", deprecatedFor: "--cuda-graph-max-bs-decode" }),
  flag({ name: "--disable-cuda-graph", type: "boolean", default: false, group: "memory", deprecatedFor: "--cuda-graph-backend-decode disabled --cuda-graph-backend-prefill disabled" }),
  flag({ name: "--disable-cuda-graph-padding", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--cuda-graph-backend-decode", type: "choice", choices: CUDA_GRAPH_BACKEND_CHOICES, default: null, group: "memory" }),
  flag({ name: "--cuda-graph-backend-prefill", type: "choice", choices: CUDA_GRAPH_BACKEND_CHOICES, default: null, group: "memory" }),
  flag({ name: "--cuda-graph-max-bs-decode", type: "int", default: null, min: 1, group: "memory" }),
  flag({ name: "--cuda-graph-max-bs-prefill", type: "int", default: null, min: 1, group: "memory" }),
  flag({ name: "--disable-decode-cuda-graph", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--disable-prefill-cuda-graph", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--enable-mixed-chunk", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--num-continuous-decode-steps", type: "int", default: 1, min: 1, group: "memory" }),
  flag({ name: "--hicache-ratio", type: "float", default: 2.0, min: 0, exclusiveMin: true, group: "memory" }),
  flag({ name: "--enable-memory-saver", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--allow-auto-truncate", type: "boolean", default: false, group: "memory" }),
  flag({ name: "--sleep-on-idle", type: "boolean", default: false, group: "memory" }),
];
