// Output parsers and grammar. Speculative decoding. Facts: see flag-catalogue.ts.
import { GRAMMAR_BACKEND_CHOICES, REASONING_PARSER_CHOICES, SPECULATIVE_ALGORITHM_SUGGESTIONS, TOOL_CALL_PARSER_CHOICES } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const PARSER_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--tool-call-parser", type: "choice", choices: TOOL_CALL_PARSER_CHOICES, default: null, group: "parsers" }),
  flag({ name: "--reasoning-parser", type: "choice", choices: REASONING_PARSER_CHOICES, default: null, group: "parsers" }),
  flag({ name: "--grammar-backend", type: "choice", choices: GRAMMAR_BACKEND_CHOICES, default: null, group: "parsers" }),
];

export const SPECULATIVE_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--speculative-algorithm", type: "string", suggestions: SPECULATIVE_ALGORITHM_SUGGESTIONS, default: null, group: "speculative" }),
  flag({ name: "--speculative-draft-model-path", aliases: ["--speculative-draft-model"], type: "path", default: null, group: "speculative" }),
  flag({ name: "--speculative-draft-model-revision", type: "string", default: null, group: "speculative" }),
  flag({ name: "--speculative-num-steps", type: "int", default: null, min: 1, group: "speculative" }),
  flag({ name: "--speculative-eagle-topk", type: "int", default: null, min: 1, group: "speculative" }),
  flag({ name: "--speculative-num-draft-tokens", type: "int", default: null, min: 1, group: "speculative" }),
  flag({ name: "--speculative-accept-threshold-single", type: "float", default: 1.0, min: 0, max: 1, group: "speculative" }),
  flag({ name: "--speculative-token-map", type: "path", default: null, group: "speculative" }),
  flag({ name: "--speculative-attention-mode", type: "choice", choices: ["prefill", "decode"], default: "prefill", group: "speculative" }),
];
