/** Advice for an error while serving: request slots, pool leaks, kernel crashes, the tokenizer manager, chat templates. */
import type { FailureCause } from "../causes";
import { adviceContext, numOf, runningRequestsAdvice, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";

function requestSlotsAdvice(input: Parameters<AdviceFor>[0]): Advice {
  const { detail, facts } = adviceContext(input);
  const free = numOf(detail, "availableSlots");
  const cap = facts.maxRunningRequests;
  if (free === null || cap === null || free >= cap) return runningRequestsAdvice(facts, "The request slots ran out.");
  const next = Math.max(1, Math.floor(free / 8) * 8 || free);
  return {
    flag: "--max-running-requests",
    action: "decrease",
    suggestedValue: String(next),
    text: `Lower --max-running-requests from ${cap} to ${next}: only ${free} request slots were free when more were asked for.`,
    why: "Each running request holds one row of the request-to-token pool; the scheduler admitted more than the pool has.",
  };
}

const KERNEL_CRASH: Advice = {
  flag: "--attention-backend",
  action: "check",
  text: "A kernel crashed while serving: try another --attention-backend, and start once with --disable-cuda-graph (and CUDA_LAUNCH_BLOCKING=1) to locate it.",
  why: "Illegal memory accesses come from a kernel bug or a bad shape, not from too little memory.",
};

const POOL_LEAK: Advice[] = [
  {
    flag: "--disable-radix-cache",
    action: "add",
    text: "SGLang found KV-cache slots that no request holds (a leak, i.e. a bug): upgrade SGLang; until then --disable-radix-cache (or --disable-overlap-schedule) usually avoids the path that leaks.",
    why: "The scheduler checks, when idle, that every pool slot is free or cached; a leak stops the server.",
  },
];

export const SERVING_ADVICE = {
  serving_error(input) {
    const { detail, facts } = adviceContext(input);
    const kind = str(detail, "serving");
    const err = str(detail, "error") ?? "";
    if (kind === "req_slots") return [requestSlotsAdvice(input)];
    if (kind === "pool_leak") return POOL_LEAK;
    if (kind === "token_pool") return [runningRequestsAdvice(facts, "The KV cache ran out of tokens for the running batch.")];
    if (kind === "tokenizer_manager") {
      return [
        {
          flag: null,
          action: "check",
          text: "The tokenizer manager (the HTTP side) died on a request: the traceback names the request field or input that broke it; validate that input or upgrade SGLang.",
          why: "When the tokenizer manager hits an exception SGLang stops the whole server.",
        },
      ];
    }
    if (/illegal memory access|device-side assert|launch failure|misaligned|illegal instruction|CUBLAS_STATUS/.test(err)) return [KERNEL_CRASH];
    return [
      {
        flag: null,
        action: "check",
        text: "An error while serving killed the server: read the key line and the traceback above it; report it to SGLang with the request that triggered it.",
        why: "The error was raised while handling requests.",
      },
    ];
  },
  chat_template(input) {
    if (str(input.detail, "at") === "request") {
      return [
        {
          flag: "--chat-template",
          action: "set",
          text: "The chat template failed on a request: the model's tokenizer has no template, or its template rejects these messages (roles must alternate, a field is missing). Give --chat-template a template that fits the model, or fix the messages.",
          why: "Chat requests are turned into a prompt by the template; the server goes on, but every such request fails.",
        },
      ];
    }
    return [
      {
        flag: "--chat-template",
        action: "check",
        text: "Give --chat-template a built-in template name or the path of an existing .jinja file, or drop it to use the model's own template.",
        why: "The chat template could not be loaded or applied.",
      },
    ];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
