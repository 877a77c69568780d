// Parallelism, experts and multi-node serving. Facts: see flag-catalogue.ts.
import { MOE_A2A_BACKEND_CHOICES, MOE_RUNNER_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const PARALLELISM_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--tp-size", aliases: ["--tensor-parallel-size"], abbreviations: ["--tp"], type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--dp-size", aliases: ["--data-parallel-size"], abbreviations: ["--dp"], type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--pp-size", aliases: ["--pipeline-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--ep-size", aliases: ["--ep", "--expert-parallel-size"], type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--enable-dp-attention", type: "boolean", default: false, group: "parallelism" }),
  flag({ name: "--enable-dp-lm-head", type: "boolean", default: false, group: "parallelism" }),
  flag({ name: "--moe-runner-backend", type: "choice", choices: MOE_RUNNER_BACKEND_CHOICES, default: "auto", group: "parallelism" }),
  flag({ name: "--moe-a2a-backend", type: "choice", choices: MOE_A2A_BACKEND_CHOICES, default: "none", group: "parallelism" }),
  flag({ name: "--nnodes", type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--node-rank", type: "int", default: 0, min: 0, group: "parallelism" }),
  flag({ name: "--dist-init-addr", aliases: ["--nccl-init-addr"], type: "string", default: null, group: "parallelism" }),
  flag({ name: "--nccl-port", type: "int", default: null, min: 1, max: 65535, group: "parallelism" }),
  flag({ name: "--dist-timeout", type: "int", default: null, min: 1, unit: "s", group: "parallelism" }),
  flag({ name: "--base-gpu-id", type: "int", default: 0, min: 0, group: "parallelism" }),
  flag({ name: "--gpu-id-step", type: "int", default: 1, min: 1, group: "parallelism" }),
  flag({ name: "--load-balance-method", type: "choice", choices: ["round_robin", "shortest_queue", "minimum_tokens"], default: "round_robin", group: "parallelism" }),
  flag({ name: "--enable-eplb", type: "boolean", default: false, group: "parallelism" }),
  flag({ name: "--ep-num-redundant-experts", type: "int", default: 0, min: 0, group: "parallelism" }),
  flag({ name: "--enable-two-batch-overlap", type: "boolean", default: false, group: "parallelism" }),
  flag({ name: "--enable-nccl-nvls", type: "boolean", default: false, group: "parallelism" }),
];
