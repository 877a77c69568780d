// Parallelism, experts and multi-node serving. Facts: see flag-catalogue.ts.
import { MOE_A2A_BACKEND_CHOICES, MOE_RUNNER_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const PARALLELISM_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--tp-size", aliases: ["--tensor-parallel-size"], abbreviations: ["--tp"], type: "int", default: 1, min: 1, group: "parallelism", help: "Tensor parallel size (GPUs per model replica)." }),
  flag({ name: "--dp-size", aliases: ["--data-parallel-size"], abbreviations: ["--dp"], type: "int", default: 1, min: 1, group: "parallelism", help: "Data parallel size (replicas, or attention DP groups with --enable-dp-attention)." }),
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
  flag({ name: "--load-balance-method", type: "choice", choices: ["round_robin", "shortest_queue", "minimum_tokens"], default: "round_robin", group: "parallelism", help: "How requests are spread over data parallel replicas." }),
  flag({ name: "--enable-eplb", type: "boolean", default: false, group: "parallelism", help: "Expert-parallel load balancing: move experts between GPUs as load shifts." }),
  flag({ name: "--ep-num-redundant-experts", type: "int", default: 0, min: 0, group: "parallelism", help: "Extra expert copies to allocate for expert-parallel load balancing." }),
  flag({ name: "--enable-two-batch-overlap", type: "boolean", default: false, group: "parallelism", help: "Overlap two micro-batches to hide expert-parallel communication." }),
  flag({ name: "--enable-nccl-nvls", type: "boolean", default: false, group: "parallelism", help: "Use NCCL NVLS for prefill-heavy requests when available." }),
];
