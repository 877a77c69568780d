/** Advice for an error while serving: request slots, pool leaks, kernel crashes, the tokenizer manager, chat templates. */
import type { FailureCause } from "../causes";
import { adviceContext, numOf, runningRequestsAdvice, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

function requestSlotsAdvice(input: Parameters<AdviceFor>[0]): Advice {
  const { detail, facts } = adviceContext(input);
  const free = numOf(detail, "availableSlots");
  const current = facts.maxRunningRequests;
  if (free === null || current === null || free >= current) return runningRequestsAdvice(facts, "requestSlotsRanOut");
  const next = Math.max(1, Math.floor(free / 8) * 8 || free);
  return advice({ flag: "--max-running-requests", action: "decrease", suggestedValue: String(next), say: "lowerRunning", because: "requestToTokenRow", values: { current, next, free } });
}

export const SERVING_ADVICE = {
  serving_error(input) {
    const { detail, facts } = adviceContext(input);
    const kind = str(detail, "serving");
    const err = str(detail, "error") ?? "";
    if (kind === "req_slots") return [requestSlotsAdvice(input)];
    if (kind === "pool_leak") return [advice({ flag: "--disable-radix-cache", action: "add", say: "poolLeak", because: "idleLeakCheck" })];
    if (kind === "token_pool") return [runningRequestsAdvice(facts, "kvTokensRanOut")];
    if (kind === "tokenizer_manager") return [advice({ flag: null, action: "check", say: "tokenizerManager", because: "tokenizerManagerStops" })];
    if (/illegal memory access|device-side assert|launch failure|misaligned|illegal instruction|CUBLAS_STATUS/.test(err)) {
      return [advice({ flag: "--attention-backend", action: "check", say: "kernelCrash", because: "illegalAccess" })];
    }
    return [advice({ flag: null, action: "check", say: "servingError", because: "raisedWhileServing" })];
  },
  chat_template(input) {
    if (str(input.detail, "at") === "request") return [advice({ flag: "--chat-template", action: "set", say: "templateOnRequest", because: "templatePerRequest" })];
    return [advice({ flag: "--chat-template", action: "check", say: "templateName", because: "templateNotLoaded" })];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
