// Model, tokenizer, weights and data types. Facts: see flag-catalogue.ts.
import { DTYPE_CHOICES, KV_CACHE_DTYPE_CHOICES, LOAD_FORMAT_CHOICES, QUANTIZATION_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const MODEL_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--model-path", aliases: ["--model"], type: "path", default: null, required: true, group: "model" }),
  flag({ name: "--tokenizer-path", type: "path", default: null, group: "model" }),
  flag({ name: "--tokenizer-mode", type: "choice", choices: ["auto", "slow"], default: "auto", group: "model" }),
  flag({ name: "--revision", type: "string", default: null, group: "model" }),
  flag({ name: "--trust-remote-code", type: "boolean", default: false, group: "model" }),
  flag({ name: "--context-length", type: "int", default: null, min: 1, unit: "tokens", humanReadable: true, group: "model" }),
  flag({ name: "--dtype", type: "choice", choices: DTYPE_CHOICES, default: "auto", group: "model" }),
  flag({ name: "--quantization", type: "choice", choices: QUANTIZATION_CHOICES, default: null, group: "model" }),
  flag({ name: "--kv-cache-dtype", type: "choice", choices: KV_CACHE_DTYPE_CHOICES, default: "auto", group: "model" }),
  flag({ name: "--load-format", type: "choice", choices: LOAD_FORMAT_CHOICES, default: "auto", group: "model" }),
  flag({ name: "--chat-template", type: "string", default: null, group: "model" }),
  flag({ name: "--json-model-override-args", type: "json", default: "{}", group: "model" }),
  flag({ name: "--is-embedding", type: "boolean", default: false, group: "model" }),
  flag({ name: "--enable-multimodal", type: "boolean", default: false, group: "model" }),
  flag({ name: "--skip-tokenizer-init", type: "boolean", default: false, group: "model" }),
  flag({ name: "--model-impl", type: "string", default: "auto", suggestions: ["auto", "sglang", "transformers"], group: "model" }),
  flag({ name: "--quantization-param-path", type: "path", default: null, group: "model" }),
  flag({ name: "--download-dir", type: "path", default: null, group: "model" }),
  flag({ name: "--completion-template", type: "string", default: null, group: "model" }),
  flag({ name: "--weight-version", type: "string", default: "default", group: "model" }),
  flag({ name: "--delete-ckpt-after-loading", type: "boolean", default: false, group: "model" }),
];
