/** Advice for the model itself: a path or hub id that does not resolve, an architecture not supported, code that must be trusted. */
import type { FailureCause } from "../causes";
import { adviceContext, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const MODEL_ADVICE = {
  model_not_found(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    const kind = str(detail, "modelError");
    const path = str(detail, "path") ?? facts.modelPath;
    if (kind === "gated") {
      out.push({
        flag: null,
        action: "set",
        text: "The model is gated: accept its licence on Hugging Face and give a token (HF_TOKEN=... or huggingface-cli login), or download it and pass the local path.",
        why: "Hugging Face answered 401/403 for the model files.",
      });
    } else if (kind === "offline") {
      out.push({
        flag: "--model-path",
        action: "check",
        text: `Hugging Face could not be reached and the model is not in the cache${path !== null ? ` ('${path}')` : ""}: download it where there is network (huggingface-cli download) and pass the local folder, or set HF_ENDPOINT to a mirror / the proxy variables.`,
        why: "The hub id is resolved online unless the files are already cached.",
      });
    } else if (kind === "no_config") {
      out.push({
        flag: "--model-path",
        action: "check",
        text: `Point --model-path at the folder that holds config.json${path !== null ? ` (now ${path})` : ""}.`,
        why: "The folder exists but has no config.json.",
      });
    } else {
      out.push({
        flag: "--model-path",
        action: "check",
        text: `Check --model-path for a typo${path !== null ? `: '${path}' is neither an existing folder nor a valid Hugging Face id` : ""}.`,
        why: "A path that does not exist is taken for a Hugging Face repo id, which then fails.",
      });
    }
    return out;
  },
  unsupported_arch(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    if (str(detail, "source") === "transformers") {
      out.push({
        flag: null,
        action: "check",
        text: "The installed transformers does not know this model type: upgrade it (pip install -U transformers) to the version the model card names, keeping the one SGLang supports.",
        why: "transformers reads the model's config before SGLang does; an older release has no entry for a newer model type.",
      });
    }
    const arch = str(detail, "architecture") ?? facts.architecture;
    if (input.importErrors.length > 0) {
      out.push({
        flag: null,
        action: "check",
        text: `SGLang skipped ${input.importErrors.slice(0, 3).join(", ")} because of an import error earlier in the log: fix that (a missing or mismatched package) and the architecture will load.`,
        why: "An 'Ignore import error when loading sglang.srt.models...' warning is the real cause when present.",
      });
    }
    out.push({
      flag: "--trust-remote-code",
      action: "add",
      text: "Add --trust-remote-code if the model ships its own code.",
      why: `${arch ?? "The architecture"} is not in SGLang's registry; custom models need their code allowed.`,
    });
    out.push({
      flag: "--model-impl",
      action: "set",
      suggestedValue: "transformers",
      text: "Newer SGLang versions can run unknown architectures through transformers (--model-impl transformers); otherwise upgrade SGLang (and transformers).",
      why: `${arch ?? "This architecture"} is not supported by this SGLang version.`,
    });
    return out;
  },
  trust_remote_code() {
    const out: Advice[] = [];
    out.push({
      flag: "--trust-remote-code",
      action: "add",
      text: "Add --trust-remote-code (only for a model whose code you trust).",
      why: "The model's config or tokenizer is defined by code in its repository.",
    });
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
