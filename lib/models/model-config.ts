// A model folder's config.json, summarised for people choosing a model: what it is, how big, how long a context.
import { z } from "zod";

export interface ModelConfigSummary {
  architecture: string | null;
  modelType: string | null;
  /** torch_dtype / dtype as written, e.g. "bfloat16". */
  dtype: string | null;
  contextLength: number | null;
  /** Estimated from the layer shapes; null when config.json lacks what the estimate needs. */
  parameterCount: number | null;
  /** Experts in MoE layers (routed), when the model has any. */
  expertCount: number | null;
  /** MTP / NextN draft layers built into the checkpoint (usable by EAGLE without a draft model). */
  nextnLayers: number;
}

const positive = z.number().int().positive();
const optionalPositive = positive.optional().catch(undefined);

// Only the fields the summary reads; anything else in config.json is ignored.
const configSchema = z.object({
  architectures: z.array(z.string()).optional().catch(undefined),
  model_type: z.string().optional().catch(undefined),
  torch_dtype: z.string().optional().catch(undefined),
  dtype: z.string().optional().catch(undefined),
  max_position_embeddings: optionalPositive,
  context_length: optionalPositive,
  max_sequence_length: optionalPositive,
  seq_length: optionalPositive,
  vocab_size: optionalPositive,
  hidden_size: optionalPositive,
  intermediate_size: optionalPositive,
  num_hidden_layers: optionalPositive,
  num_attention_heads: optionalPositive,
  num_key_value_heads: optionalPositive,
  head_dim: optionalPositive,
  tie_word_embeddings: z.boolean().optional().catch(undefined),
  // MLA (DeepSeek, GLM-4.7-Flash)
  q_lora_rank: positive.nullable().optional().catch(undefined),
  kv_lora_rank: optionalPositive,
  qk_nope_head_dim: optionalPositive,
  qk_rope_head_dim: optionalPositive,
  v_head_dim: optionalPositive,
  // MoE
  n_routed_experts: optionalPositive,
  num_experts: optionalPositive,
  num_local_experts: optionalPositive,
  n_shared_experts: z.number().int().min(0).optional().catch(undefined),
  moe_intermediate_size: optionalPositive,
  first_k_dense_replace: z.number().int().min(0).optional().catch(undefined),
  num_nextn_predict_layers: z.number().int().min(0).optional().catch(undefined),
});

type Config = z.infer<typeof configSchema>;

/** Summarises a parsed config.json; never throws (unknown shapes give nulls). */
export function summarizeModelConfig(raw: unknown): ModelConfigSummary {
  const parsed = configSchema.safeParse(raw);
  const config: Config = parsed.success ? parsed.data : {};
  const nested = textConfigOf(raw);
  const c: Config = nested ? { ...nested, ...stripUndefined(config) } : config;
  return {
    architecture: c.architectures?.[0] ?? null,
    modelType: c.model_type ?? null,
    dtype: c.torch_dtype ?? c.dtype ?? null,
    contextLength: c.max_position_embeddings ?? c.context_length ?? c.max_sequence_length ?? c.seq_length ?? null,
    parameterCount: estimateParameters(c),
    expertCount: c.n_routed_experts ?? c.num_experts ?? c.num_local_experts ?? null,
    nextnLayers: c.num_nextn_predict_layers ?? 0,
  };
}

/** Multimodal configs keep the language model's shape under text_config. */
function textConfigOf(raw: unknown): Config | null {
  if (typeof raw !== "object" || raw === null || !("text_config" in raw)) return null;
  const parsed = configSchema.safeParse((raw as { text_config: unknown }).text_config);
  return parsed.success ? parsed.data : null;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Parameters of a decoder-only transformer from its shapes: embeddings, attention (MLA or grouped-query),
 * dense or MoE feed-forward with SwiGLU (3 matrices), plus the built-in next-token-prediction layers.
 * Norms and biases are left out (well under 0.1%).
 */
export function estimateParameters(c: Config): number | null {
  const { vocab_size: vocab, hidden_size: hidden, num_hidden_layers: layers, num_attention_heads: heads } = c;
  if (!vocab || !hidden || !layers || !heads) return null;

  let attention: number;
  if (c.kv_lora_rank && c.qk_nope_head_dim && c.qk_rope_head_dim && c.v_head_dim) {
    const qkHead = c.qk_nope_head_dim + c.qk_rope_head_dim;
    const q = c.q_lora_rank ? hidden * c.q_lora_rank + c.q_lora_rank * heads * qkHead : hidden * heads * qkHead;
    const kv = hidden * (c.kv_lora_rank + c.qk_rope_head_dim) + c.kv_lora_rank * heads * (c.qk_nope_head_dim + c.v_head_dim);
    attention = q + kv + heads * c.v_head_dim * hidden;
  } else {
    const headDim = c.head_dim ?? hidden / heads;
    const kvHeads = c.num_key_value_heads ?? heads;
    attention = 2 * hidden * heads * headDim + 2 * hidden * kvHeads * headDim;
  }

  const experts = c.n_routed_experts ?? c.num_experts ?? c.num_local_experts;
  const denseFfn = c.intermediate_size ? 3 * hidden * c.intermediate_size : null;
  let moeFfn: number | null = null;
  if (experts) {
    const expertSize = c.moe_intermediate_size ?? c.intermediate_size;
    if (!expertSize) return null;
    moeFfn = (experts + (c.n_shared_experts ?? 0)) * 3 * hidden * expertSize + hidden * experts;
  }
  if (denseFfn === null && moeFfn === null) return null;
  const denseLayers = moeFfn === null ? layers : Math.min(c.first_k_dense_replace ?? 0, layers);
  if (denseLayers > 0 && denseFfn === null) return null;
  const ffn = denseLayers * (denseFfn ?? 0) + (layers - denseLayers) * (moeFfn ?? 0);

  const embeddings = vocab * hidden * (c.tie_word_embeddings ? 1 : 2);
  // A NextN layer is one more decoder layer (MoE when the model is) plus a projection of two hidden states.
  const nextn = (c.num_nextn_predict_layers ?? 0) * (attention + (moeFfn ?? denseFfn ?? 0) + 2 * hidden * hidden);
  return Math.round(layers * attention + ffn + embeddings + nextn);
}

/** "30.0B", "7.6B", "560M". */
export function formatParameterCount(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(count >= 1e11 ? 0 : 1)}B`;
  if (count >= 1e6) return `${Math.round(count / 1e6)}M`;
  return String(count);
}
