// The sampling fields a playground request may carry, named as SGLang's OpenAI-compatible API names them.
import { z } from "zod";
import { says } from "../schema-text";

export const samplingParamsSchema = z.object({
  max_tokens: z.number().int().min(1).max(1_000_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  top_k: z.number().int().min(-1).max(100_000).refine((k) => k !== 0, says("topK", "top_k is -1 (off) or at least 1")).optional(),
  min_p: z.number().min(0).max(1).optional(),
  stop: z.array(z.string().min(1).max(200)).max(8).optional(),
  seed: z.number().int().min(0).max(2 ** 53).optional(),
  presence_penalty: z.number().min(-2).max(2).optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  repetition_penalty: z.number().gt(0).max(2).optional(),
  ignore_eos: z.boolean().optional(),
  /** Chat only: passed to the chat template (GLM, Qwen3: enable_thinking). */
  chat_template_kwargs: z.record(z.string().max(100), z.union([z.boolean(), z.string().max(1000), z.number()])).optional(),
});

export type SamplingParams = z.infer<typeof samplingParamsSchema>;

/** Fields of the OpenAI API itself; the rest are SGLang's own and go in `extra_body` with the Python SDK. */
export const OPENAI_FIELDS = new Set(["max_tokens", "temperature", "top_p", "stop", "seed", "presence_penalty", "frequency_penalty"]);

export interface NumberField {
  name: Exclude<keyof SamplingParams, "stop" | "ignore_eos" | "chat_template_kwargs">;
  label: string;
  step: number;
  min: number;
  max: number;
}

// What a person reads about each field (its help, SGLang's default, a placeholder) is in messages/<locale>/playground.json
// under params.fields.<name>. Defaults: SGLang's SamplingParams (temperature 1.0, top_p 1.0, top_k -1, min_p 0, penalties 0, repetition 1.0).
// Since 2025 SGLang may take them from the model's generation_config.json instead (--sampling-defaults model).
export const NUMBER_FIELDS: NumberField[] = [
  { name: "max_tokens", label: "max_tokens", step: 1, min: 1, max: 1_000_000 },
  { name: "temperature", label: "temperature", step: 0.05, min: 0, max: 2 },
  { name: "top_p", label: "top_p", step: 0.05, min: 0.01, max: 1 },
  { name: "top_k", label: "top_k", step: 1, min: -1, max: 100_000 },
  { name: "min_p", label: "min_p", step: 0.01, min: 0, max: 1 },
  { name: "seed", label: "seed", step: 1, min: 0, max: 2 ** 31 },
  { name: "presence_penalty", label: "presence_penalty", step: 0.1, min: -2, max: 2 },
  { name: "frequency_penalty", label: "frequency_penalty", step: 0.1, min: -2, max: 2 },
  { name: "repetition_penalty", label: "repetition_penalty", step: 0.05, min: 0.05, max: 2 },
];

/** The params with unset entries removed, in a stable order (what goes into the request body). */
export function cleanParams(params: SamplingParams, kind: "chat" | "completions"): SamplingParams {
  const out: Record<string, unknown> = {};
  for (const field of NUMBER_FIELDS) {
    const value = params[field.name];
    if (value !== undefined && Number.isFinite(value)) out[field.name] = value;
  }
  if (params.stop && params.stop.length > 0) out.stop = params.stop;
  if (params.ignore_eos) out.ignore_eos = true;
  if (kind === "chat" && params.chat_template_kwargs && Object.keys(params.chat_template_kwargs).length > 0) {
    out.chat_template_kwargs = params.chat_template_kwargs;
  }
  return out as SamplingParams;
}
