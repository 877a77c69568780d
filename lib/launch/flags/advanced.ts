// Kernels, compilation and other advanced settings. Facts: see flag-catalogue.ts.
import { ATTENTION_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const ADVANCED_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced" }),
  flag({ name: "--prefill-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced" }),
  flag({ name: "--decode-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced" }),
  flag({ name: "--sampling-backend", type: "choice", choices: ["flashinfer", "pytorch", "ascend"], default: null, group: "advanced" }),
  flag({ name: "--disable-overlap-schedule", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--enable-torch-compile", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--torch-compile-max-bs", type: "int", default: 32, min: 1, group: "advanced" }),
  flag({ name: "--disable-custom-all-reduce", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--enable-p2p-check", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--enable-custom-logit-processor", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--device", type: "string", default: null, suggestions: ["cuda", "xpu", "hpu", "npu", "cpu", "musa"], group: "advanced" }),
  flag({ name: "--triton-attention-num-kv-splits", type: "int", default: 8, min: 1, group: "advanced" }),
  flag({ name: "--enable-deterministic-inference", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--enable-lora", type: "boolean", default: false, group: "advanced" }),
  flag({ name: "--max-loras-per-batch", type: "int", default: 8, min: 1, group: "advanced" }),
  flag({ name: "--disaggregation-mode", type: "choice", choices: ["null", "prefill", "decode"], default: "null", group: "advanced" }),
];
