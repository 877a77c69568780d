// Output parsers and grammar. Speculative decoding. Facts: see flag-catalogue.ts.
import { GRAMMAR_BACKEND_CHOICES, REASONING_PARSER_CHOICES, SPECULATIVE_ALGORITHM_SUGGESTIONS, TOOL_CALL_PARSER_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const PARSER_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--tool-call-parser", type: "choice", choices: TOOL_CALL_PARSER_CHOICES, default: null, group: "parsers", help: "Parser turning the model's tool-call text into tool_calls (glm47 for GLM-4.7)." }),
  flag({ name: "--reasoning-parser", type: "choice", choices: REASONING_PARSER_CHOICES, default: null, group: "parsers", help: "Parser separating reasoning_content from content (glm45 for GLM-4.5 to 4.7)." }),
  flag({ name: "--grammar-backend", type: "choice", choices: GRAMMAR_BACKEND_CHOICES, default: null, group: "parsers", help: "Backend for grammar-guided decoding; xgrammar when unset." }),
];

export const SPECULATIVE_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--speculative-algorithm", type: "string", suggestions: SPECULATIVE_ALGORITHM_SUGGESTIONS, default: null, group: "speculative", help: "Speculative decoding algorithm: a built-in one or a name registered through SpeculativeAlgorithm.register." }),
  flag({ name: "--speculative-draft-model-path", aliases: ["--speculative-draft-model"], type: "path", default: null, group: "speculative", help: "Draft model weights: local folder or Hugging Face repo id." }),
  flag({ name: "--speculative-draft-model-revision", type: "string", default: null, group: "speculative", help: "Draft model revision." }),
  flag({ name: "--speculative-num-steps", type: "int", default: null, min: 1, group: "speculative", help: "Draft steps per verification." }),
  flag({ name: "--speculative-eagle-topk", type: "int", default: null, min: 1, group: "speculative", help: "Tokens sampled from the draft per step (EAGLE)." }),
  flag({ name: "--speculative-num-draft-tokens", type: "int", default: null, min: 1, group: "speculative", help: "Draft tokens verified per step." }),
  flag({ name: "--speculative-accept-threshold-single", type: "float", default: 1.0, min: 0, max: 1, group: "speculative", help: "Accept a draft token when the target probability exceeds this." }),
  flag({ name: "--speculative-token-map", type: "path", default: null, group: "speculative", help: "Draft model's reduced vocabulary table (FR-Spec)." }),
  flag({ name: "--speculative-attention-mode", type: "choice", choices: ["prefill", "decode"], default: "prefill", group: "speculative", help: "Attention backend used for verify and draft extend." }),
];
