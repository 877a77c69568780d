// Model, tokenizer, weights and data types. Facts: see flag-catalogue.ts.
import { DTYPE_CHOICES, KV_CACHE_DTYPE_CHOICES, LOAD_FORMAT_CHOICES, QUANTIZATION_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const MODEL_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--model-path", aliases: ["--model"], type: "path", default: null, required: true, group: "model", help: "Model weights: a local folder or a Hugging Face repo id." }),
  flag({ name: "--tokenizer-path", type: "path", default: null, group: "model", help: "Tokenizer location when it differs from the model path." }),
  flag({ name: "--tokenizer-mode", type: "choice", choices: ["auto", "slow"], default: "auto", group: "model", help: "'auto' uses the fast tokenizer when available, 'slow' always the slow one." }),
  flag({ name: "--revision", type: "string", default: null, group: "model", help: "Model revision: branch, tag or commit id." }),
  flag({ name: "--trust-remote-code", type: "boolean", default: false, group: "model", help: "Allow custom model code from the Hub repository." }),
  flag({ name: "--context-length", type: "int", default: null, min: 1, unit: "tokens", humanReadable: true, group: "model", help: "Maximum context length; defaults to the model's config.json." }),
  flag({ name: "--dtype", type: "choice", choices: DTYPE_CHOICES, default: "auto", group: "model", help: "Data type for weights and activations." }),
  flag({ name: "--quantization", type: "choice", choices: QUANTIZATION_CHOICES, default: null, group: "model", help: "Quantization method." }),
  flag({ name: "--kv-cache-dtype", type: "choice", choices: KV_CACHE_DTYPE_CHOICES, default: "auto", group: "model", help: "Data type of the KV cache; 'auto' follows the model." }),
  flag({ name: "--load-format", type: "choice", choices: LOAD_FORMAT_CHOICES, default: "auto", group: "model", help: "Format of the weights to load." }),
  flag({ name: "--chat-template", type: "string", default: null, group: "model", help: "Built-in chat template name or path of a template file." }),
  flag({ name: "--json-model-override-args", type: "json", default: "{}", group: "model", help: "JSON object overriding fields of the model config." }),
  flag({ name: "--is-embedding", type: "boolean", default: false, group: "model", help: "Serve a causal LM as an embedding model." }),
  flag({ name: "--enable-multimodal", type: "boolean", default: false, group: "model", help: "Enable multimodal inputs for a multimodal model." }),
  flag({ name: "--skip-tokenizer-init", type: "boolean", default: false, group: "model", help: "Skip tokenizer init; requests must pass input_ids." }),
  flag({ name: "--model-impl", type: "string", default: "auto", suggestions: ["auto", "sglang", "transformers"], group: "model", help: "Model implementation: SGLang's own, Transformers' or auto." }),
  flag({ name: "--quantization-param-path", type: "path", default: null, group: "model", help: "JSON file of KV cache scaling factors (for FP8 KV caches)." }),
  flag({ name: "--download-dir", type: "path", default: null, group: "model", help: "Folder the Hugging Face weights are downloaded to." }),
  flag({ name: "--completion-template", type: "string", default: null, group: "model", help: "Built-in completion template name or template file (code completion)." }),
  flag({ name: "--weight-version", type: "string", default: "default", group: "model", help: "Version label of the loaded weights, reported in responses' metadata." }),
  flag({ name: "--delete-ckpt-after-loading", type: "boolean", default: false, group: "model", help: "Delete the checkpoint files once the weights are loaded." }),
];
