// Kernels, compilation and other advanced settings. Facts: see flag-catalogue.ts.
import { ATTENTION_BACKEND_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const ADVANCED_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels; chosen per model and GPU when unset." }),
  flag({ name: "--prefill-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels for prefill (overrides --attention-backend)." }),
  flag({ name: "--decode-attention-backend", type: "choice", choices: ATTENTION_BACKEND_CHOICES, default: null, group: "advanced", help: "Attention kernels for decode (overrides --attention-backend)." }),
  flag({ name: "--sampling-backend", type: "choice", choices: ["flashinfer", "pytorch", "ascend"], default: null, group: "advanced", help: "Kernels for sampling." }),
  flag({ name: "--disable-overlap-schedule", type: "boolean", default: false, group: "advanced", help: "Disable overlapping the CPU scheduler with GPU work." }),
  flag({ name: "--enable-torch-compile", type: "boolean", default: false, group: "advanced", help: "Optimise with torch.compile (experimental, slower start)." }),
  flag({ name: "--torch-compile-max-bs", type: "int", default: 32, min: 1, group: "advanced", help: "Largest batch size compiled with torch.compile." }),
  flag({ name: "--disable-custom-all-reduce", type: "boolean", default: false, group: "advanced", help: "Use NCCL instead of the custom all-reduce kernel." }),
  flag({ name: "--enable-p2p-check", type: "boolean", default: false, group: "advanced", help: "Check GPU peer-to-peer access instead of assuming it." }),
  flag({ name: "--enable-custom-logit-processor", type: "boolean", default: false, group: "advanced", help: "Allow requests to pass custom logit processors." }),
  flag({ name: "--device", type: "string", default: null, suggestions: ["cuda", "xpu", "hpu", "npu", "cpu", "musa"], group: "advanced", help: "Device type; auto-detected when unset." }),
  flag({ name: "--triton-attention-num-kv-splits", type: "int", default: 8, min: 1, group: "advanced", help: "KV splits of the Triton flash-decoding attention kernel." }),
  flag({ name: "--enable-deterministic-inference", type: "boolean", default: false, group: "advanced", help: "Batch-invariant kernels: the same request gives the same output." }),
  flag({ name: "--enable-lora", type: "boolean", default: false, group: "advanced", help: "Serve LoRA adapters." }),
  flag({ name: "--max-loras-per-batch", type: "int", default: 8, min: 1, group: "advanced", help: "LoRA adapters usable in one batch." }),
  flag({ name: "--disaggregation-mode", type: "choice", choices: ["null", "prefill", "decode"], default: "null", group: "advanced", help: "Prefill/decode disaggregation role of this server." }),
];
