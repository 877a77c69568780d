import { randomBytes } from "node:crypto";
import type { HubRepo } from "../../hubs/hub-repo";

/** A small model repository: config files, two LFS shards of `shardBytes`, a file in a subfolder. */
export function glmRepo(options: { id?: string; shardBytes?: number; gated?: boolean } = {}): HubRepo {
  const shardBytes = options.shardBytes ?? 256 * 1024;
  return {
    id: options.id ?? "ZhipuAI/GLM-4.7-Flash",
    commit: "3f1c9a0e5b7d2c4f6a8e0b1d3c5e7f9a1b2c3d4e",
    gated: options.gated,
    files: [
      { path: "config.json", content: Buffer.from(JSON.stringify({ architectures: ["Glm4MoeForCausalLM"], hidden_size: 2048, num_hidden_layers: 4, torch_dtype: "bfloat16", max_position_embeddings: 131072, vocab_size: 151552 })) },
      { path: "tokenizer_config.json", content: Buffer.from('{"model_max_length": 131072}') },
      { path: "model-00001-of-00002.safetensors", content: randomBytes(shardBytes), lfs: true },
      { path: "model-00002-of-00002.safetensors", content: randomBytes(shardBytes), lfs: true },
      { path: "extra/notes.md", content: Buffer.from("# notes\n") },
    ],
  };
}
