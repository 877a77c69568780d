import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatBytes } from "../../../lib/decimal-bytes";
import { formatParameterCount, summarizeModelConfig } from "../../../lib/models/model-config";

const GLM_CONFIG = JSON.parse(fs.readFileSync("/work/shared/fixtures/models/GLM-4.7-Flash/config.json", "utf8")) as Record<string, unknown>;

const LLAMA_3_8B = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  vocab_size: 128256,
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  torch_dtype: "bfloat16",
  max_position_embeddings: 131072,
};

describe("summarizeModelConfig", () => {
  it("reads GLM-4.7-Flash's architecture, dtype, context length, experts and its one NextN layer", () => {
    const summary = summarizeModelConfig(GLM_CONFIG);
    expect(summary).toMatchObject({
      architecture: "Glm4MoeLiteForCausalLM",
      modelType: "glm4_moe_lite",
      dtype: "bfloat16",
      contextLength: 202752,
      expertCount: 64,
      nextnLayers: 1,
    });
  });

  it("estimates GLM-4.7-Flash at about 30B parameters (MLA attention, 64 experts + 1 shared, first layer dense)", () => {
    const count = summarizeModelConfig(GLM_CONFIG).parameterCount!;
    expect(count).toBeGreaterThan(29e9);
    expect(count).toBeLessThan(32e9);
    expect(formatParameterCount(count)).toBe("30.6B");
  });

  it("estimates a grouped-query dense model within 1% of its published size (Llama 3 8B: 8.03B)", () => {
    const count = summarizeModelConfig(LLAMA_3_8B).parameterCount!;
    expect(Math.abs(count - 8.03e9) / 8.03e9).toBeLessThan(0.01);
  });

  it("counts tied embeddings once", () => {
    const untied = summarizeModelConfig(LLAMA_3_8B).parameterCount!;
    const tied = summarizeModelConfig({ ...LLAMA_3_8B, tie_word_embeddings: true }).parameterCount!;
    expect(untied - tied).toBe(128256 * 4096);
  });

  it("reads the language model of a multimodal config from text_config", () => {
    const summary = summarizeModelConfig({ architectures: ["LlavaForConditionalGeneration"], text_config: LLAMA_3_8B });
    expect(summary.architecture).toBe("LlavaForConditionalGeneration");
    expect(summary.contextLength).toBe(131072);
    expect(summary.parameterCount).toBeGreaterThan(8e9);
  });

  it("gives nulls, not a wrong number, when config.json lacks the shapes or is not an object", () => {
    expect(summarizeModelConfig({ architectures: ["Foo"] })).toEqual({
      architecture: "Foo",
      modelType: null,
      dtype: null,
      contextLength: null,
      parameterCount: null,
      expertCount: null,
      nextnLayers: 0,
    });
    expect(summarizeModelConfig("nonsense").architecture).toBeNull();
    expect(summarizeModelConfig({ ...LLAMA_3_8B, hidden_size: "big" }).parameterCount).toBeNull();
  });
});

describe("formatting sizes", () => {
  it("writes bytes in decimal units as model cards do", () => {
    expect(formatBytes(57_600_000_000)).toBe("57.6 GB");
    expect(formatBytes(4_200_000)).toBe("4.2 MB");
    expect(formatBytes(12)).toBe("12 B");
  });
});
