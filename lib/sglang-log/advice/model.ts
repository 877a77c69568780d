/** Advice for the model itself: a path or hub id that does not resolve, an architecture not supported, code that must be trusted. */
import type { FailureCause } from "../causes";
import { adviceContext, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const MODEL_ADVICE = {
  model_not_found(input) {
    const { detail, facts } = adviceContext(input);
    const kind = str(detail, "modelError");
    const path = str(detail, "path") ?? facts.modelPath;
    if (kind === "gated") return [advice({ flag: null, action: "set", say: "gatedModel", because: "hubDenied" })];
    if (kind === "offline") return [advice({ flag: "--model-path", action: "check", say: "hubOffline", because: "hubOnline", values: { path } })];
    if (kind === "no_config") return [advice({ flag: "--model-path", action: "check", say: "noConfigJson", because: "noConfigJson", values: { path } })];
    return [advice({ flag: "--model-path", action: "check", say: "pathTypo", because: "pathTakenForRepo", values: { path } })];
  },
  unsupported_arch(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    if (str(detail, "source") === "transformers") {
      out.push(advice({ flag: null, action: "check", say: "upgradeTransformers", because: "transformersTooOld" }));
    }
    const architecture = str(detail, "architecture") ?? facts.architecture;
    if (input.importErrors.length > 0) {
      out.push(advice({ flag: null, action: "check", say: "importErrorSkipped", because: "importErrorWarning", values: { modules: input.importErrors.slice(0, 3).join(", ") } }));
    }
    out.push(advice({ flag: "--trust-remote-code", action: "add", say: "trustRemoteCodeIfOwnCode", because: "notInRegistry", values: { architecture } }));
    out.push(advice({ flag: "--model-impl", action: "set", suggestedValue: "transformers", say: "modelImplTransformers", because: "architectureNotSupported", values: { architecture } }));
    return out;
  },
  trust_remote_code() {
    return [advice({ flag: "--trust-remote-code", action: "add", say: "trustRemoteCode", because: "codeInRepository" })];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
