"""The model as SGLang sees it: config.json from a local folder or a (cached) hub id."""

import glob
import json
import os

from sglang.srt.sim_errors import HFValidationError

SUPPORTED_ARCHITECTURES = [
    "BaichuanForCausalLM", "ChatGLMModel", "DeepseekV2ForCausalLM", "DeepseekV3ForCausalLM",
    "Gemma2ForCausalLM", "Gemma3ForCausalLM", "Glm4ForCausalLM", "Glm4MoeForCausalLM",
    "Glm4MoeLiteForCausalLM", "GptOssForCausalLM", "LlamaForCausalLM", "MistralForCausalLM",
    "MixtralForCausalLM", "Phi3ForCausalLM", "Qwen2ForCausalLM", "Qwen2MoeForCausalLM",
    "Qwen3ForCausalLM", "Qwen3MoeForCausalLM",
]
THINKING_ARCHITECTURES = {
    "Glm4MoeLiteForCausalLM", "Glm4MoeForCausalLM", "Qwen3ForCausalLM", "Qwen3MoeForCausalLM",
    "DeepseekV3ForCausalLM",
}
# Architectures with multi-token-prediction layers SGLang loads as the NEXTN/EAGLE draft.
NEXTN_DRAFT = {
    "Glm4MoeLiteForCausalLM": "Glm4MoeForCausalLMNextN",
    "Glm4MoeForCausalLM": "Glm4MoeForCausalLMNextN",
    "DeepseekV3ForCausalLM": "DeepseekV3ForCausalLMNextN",
}
# Weight sizes of known checkpoints (GiB at bf16), as SGLang reports them at tp 1.
KNOWN_WEIGHT_GIB = {"Glm4MoeLiteForCausalLM": 57.60}

GLM_47_FLASH = {
    "architectures": ["Glm4MoeLiteForCausalLM"], "model_type": "glm4_moe_lite",
    "vocab_size": 154880, "hidden_size": 2048, "intermediate_size": 10240,
    "moe_intermediate_size": 1536, "num_hidden_layers": 47, "num_nextn_predict_layers": 1,
    "num_attention_heads": 20, "num_key_value_heads": 20, "max_position_embeddings": 202752,
    "q_lora_rank": 768, "kv_lora_rank": 512, "qk_nope_head_dim": 192, "qk_rope_head_dim": 64,
    "v_head_dim": 256, "n_routed_experts": 64, "n_shared_experts": 1, "num_experts_per_tok": 4,
    "first_k_dense_replace": 1, "tie_word_embeddings": False, "dtype": "bfloat16",
    "eos_token_id": [154820, 154827, 154829],
}
GENERIC_HUB_MODEL = {
    "architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 128256,
    "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
    "num_attention_heads": 32, "num_key_value_heads": 8, "max_position_embeddings": 131072,
    "torch_dtype": "bfloat16", "eos_token_id": [128001, 128008, 128009],
}
HUB_MODELS = {"zai-org/glm-4.7-flash": GLM_47_FLASH}


class ModelConfig:
    def __init__(self, path, config, shard_count):
        self.path = path
        self.config = config
        archs = config.get("architectures") or ["LlamaForCausalLM"]
        self.architectures = list(archs)
        self.architecture = archs[0]
        self.model_type = config.get("model_type", "")
        self.context_length = int(
            config.get("context_length") or config.get("max_position_embeddings")
            or config.get("seq_length") or 4096
        )
        self.torch_dtype = config.get("torch_dtype") or config.get("dtype") or "bfloat16"
        self.num_layers = int(config.get("num_hidden_layers", 32))
        self.hidden = int(config.get("hidden_size", 4096))
        self.num_heads = int(config.get("num_attention_heads", 32))
        self.num_kv_heads = int(config.get("num_key_value_heads", self.num_heads))
        self.head_dim = int(config.get("head_dim") or self.hidden // max(1, self.num_heads))
        self.is_mla = "kv_lora_rank" in config
        eos = config.get("eos_token_id", 2)
        self.eos_token_id = eos[0] if isinstance(eos, list) and eos else (eos if isinstance(eos, int) else 2)
        self.thinks = self.architecture in THINKING_ARCHITECTURES
        self.shard_count = shard_count

    def param_count(self):
        c, h = self.config, self.hidden
        vocab = int(c.get("vocab_size", 32000))
        embed = vocab * h * (1 if c.get("tie_word_embeddings") else 2)
        attn = 2 * h * self.num_heads * self.head_dim + 2 * h * self.num_kv_heads * self.head_dim
        experts = int(c.get("n_routed_experts") or c.get("num_local_experts") or c.get("num_experts") or 0)
        if experts:
            inter = int(c.get("moe_intermediate_size") or c.get("intermediate_size", 4 * h))
            mlp = 3 * h * inter * (experts + int(c.get("n_shared_experts") or 0))
        else:
            mlp = 3 * h * int(c.get("intermediate_size", 4 * h))
        return embed + self.num_layers * (attn + mlp)

    def weight_gib(self, dtype_flag, quantization):
        if self.architecture in KNOWN_WEIGHT_GIB and dtype_flag in ("auto", "bfloat16", "half", "float16"):
            size = KNOWN_WEIGHT_GIB[self.architecture]
        else:
            size = self.param_count() * 2 / 2**30
        if dtype_flag in ("float", "float32") or (dtype_flag == "auto" and self.torch_dtype == "float32"):
            size *= 2
        if quantization in ("fp8", "w8a8_fp8", "w8a8_int8", "modelopt_fp8", "qoq", "w4afp8"):
            size *= 0.5
        elif quantization in ("awq", "gptq", "marlin", "gptq_marlin", "awq_marlin", "mxfp4",
                              "modelopt_fp4", "moe_wna16", "bitsandbytes", "gguf", "auto-round"):
            size *= 0.28
        return size

    def kv_bytes_per_token(self, tp_size, kv_cache_dtype):
        elem = 1 if kv_cache_dtype and kv_cache_dtype.startswith("fp8") else 2
        if kv_cache_dtype == "fp4_e2m1":
            elem = 0.5
        if self.is_mla:  # one compressed latent per layer, replicated on every rank
            latent = int(self.config["kv_lora_rank"]) + int(self.config.get("qk_rope_head_dim", 64))
            return latent * self.num_layers * elem
        kv_heads = max(1, self.num_kv_heads // tp_size)
        return 2 * kv_heads * self.head_dim * self.num_layers * elem

    def shards(self, weight_gib):
        if self.shard_count:
            return self.shard_count
        if self.architecture in KNOWN_WEIGHT_GIB:
            return 48
        return max(1, int(weight_gib / 4.65 + 0.999))


def load(model_path, trust_remote_code=False):
    if os.path.isdir(model_path):
        config_file = os.path.join(model_path, "config.json")
        if not os.path.exists(config_file):
            raise OSError(
                f"{model_path} does not appear to have a file named config.json. Checkout "
                f"'https://huggingface.co/{model_path}/tree/None' for available files."
            )
        with open(config_file) as f:
            config = json.load(f)
        shards = len(glob.glob(os.path.join(model_path, "*.safetensors")))
        return ModelConfig(model_path, config, shards)
    parts = model_path.split("/")
    if model_path.startswith(("/", ".", "~")) or len(parts) > 2 or not all(parts):
        raise HFValidationError(
            "Repo id must be in the form 'repo_name' or 'namespace/repo_name': "
            f"'{model_path}'. Use `repo_type` argument if needed."
        )
    return ModelConfig(model_path, dict(HUB_MODELS.get(model_path.lower(), GENERIC_HUB_MODEL)), 0)


def unsupported_message(architectures):
    return (
        f"Model architectures {architectures} are not supported for now. "
        f"Supported architectures: dict_keys({SUPPORTED_ARCHITECTURES})"
    )
