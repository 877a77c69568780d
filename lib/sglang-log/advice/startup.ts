/** Advice for what stops a start before loading: the command line and the port. */
import type { FailureCause } from "../causes";
import { adviceContext, closestChoice, numOf, parseChoices, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const STARTUP_ADVICE = {
  port_in_use(input) {
    const { detail, facts } = adviceContext(input);
    const port = numOf(detail, "port") ?? facts.port;
    if (str(detail, "portKind") === "zmq") {
      const next = (facts.port ?? 30000) + 100;
      return [
        advice({ flag: null, action: "check", say: "internalPortTaken", because: "zmqPorts", values: { port } }),
        advice({ flag: "--port", action: "set", suggestedValue: String(next), say: "moveInternalPorts", because: "portsDerived", values: { port: next } }),
      ];
    }
    const base = port ?? 30000;
    return [advice({ flag: "--port", action: "set", suggestedValue: String(base + 1), say: "portTaken", because: "uvicornBind", values: { port: base, next: base + 1 } })];
  },
  bad_argument(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const kind = str(detail, "kind");
    const flag = str(detail, "flag");
    if (kind === "invalid_choice" && flag !== null) {
      const choices = parseChoices(str(detail, "choices") ?? "");
      const value = str(detail, "value") ?? "";
      const best = closestChoice(value, choices);
      out.push(
        advice({
          flag,
          action: "set",
          ...(best !== null ? { suggestedValue: best } : {}),
          say: best !== null ? "invalidChoiceDidYouMean" : "invalidChoice",
          because: "argparseRejectedValue",
          values: { flag, value, best, choices: choices.join(", ") },
        }),
      );
    } else if (kind === "context_length") {
      const limit = numOf(detail, "limit");
      out.push(
        advice({
          flag: "--context-length",
          action: "decrease",
          ...(limit !== null ? { suggestedValue: String(limit) } : {}),
          say: "contextTooLong",
          because: "contextRefused",
          values: { value: numOf(detail, "value"), limit },
        }),
      );
    } else if (kind === "unrecognized") {
      const args = (str(detail, "args") ?? "").split(/\s+/).filter((a) => a.startsWith("-"));
      for (const arg of args.length > 0 ? args : [str(detail, "args") ?? ""]) {
        const dashed = arg.startsWith("--") && arg.includes("_") ? arg.replace(/_/g, "-") : null;
        out.push(
          advice({
            flag: arg || null,
            action: dashed !== null ? "set" : "remove",
            ...(dashed !== null ? { suggestedValue: dashed } : {}),
            say: dashed !== null ? "useDashes" : "removeUnknown",
            because: "unknownArguments",
            values: { arg, dashed },
          }),
        );
      }
    } else if (kind === "required") {
      const args = str(detail, "args") ?? "";
      out.push(advice({ flag: args.split(/[\s,]+/)[0] ?? null, action: "add", say: "addRequired", because: "requiredArguments", values: { args } }));
    } else if (kind === "invalid_value" && flag !== null) {
      out.push(advice({ flag, action: "set", say: "invalidValue", because: "valueNotConverted", values: { flag, type: str(detail, "valueType"), value: str(detail, "value") ?? "" } }));
    } else if (kind === "expected" && flag !== null) {
      out.push(advice({ flag, action: "set", say: "giveValue", because: "valueExpected", values: { flag } }));
    } else {
      out.push(advice({ flag: null, action: "check", say: "fixCommandLine", because: "argparseRejected", values: { message: str(detail, "message") } }));
    }
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
