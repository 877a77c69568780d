/** Advice for what stops a start before loading: the command line and the port. */
import type { FailureCause } from "../causes";
import { adviceContext, closestChoice, numOf, parseChoices, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const STARTUP_ADVICE = {
  port_in_use(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    const port = numOf(detail, "port") ?? facts.port;
    if (str(detail, "portKind") === "zmq") {
      out.push({
        flag: null,
        action: "check",
        text: `An internal port${port !== null ? ` (${port})` : ""} is taken: another SGLang server (or a leftover process of an earlier run) is still running. Stop it first.`,
        why: "SGLang's processes talk over ZMQ on local ports picked near --port.",
      });
      const base = facts.port ?? 30000;
      out.push({
        flag: "--port",
        action: "set",
        suggestedValue: String(base + 100),
        text: `Or start on another --port (e.g. ${base + 100}) so the internal ports move too.`,
        why: "Internal ports are derived from the HTTP port.",
      });
    } else {
      const base = port ?? 30000;
      out.push({
        flag: "--port",
        action: "set",
        suggestedValue: String(base + 1),
        text: `Port ${base} is taken: start on another --port (e.g. ${base + 1}) or stop what listens there.`,
        why: "Uvicorn could not bind the HTTP port.",
      });
    }
    return out;
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
      out.push({
        flag,
        action: "set",
        ...(best !== null ? { suggestedValue: best } : {}),
        text: `${flag} does not accept '${value}'.${best !== null ? ` Did you mean '${best}'?` : ""} Valid choices: ${choices.join(", ")}.`,
        why: "argparse rejected the value before anything started.",
      });
    } else if (kind === "context_length") {
      const limit = numOf(detail, "limit");
      out.push({
        flag: "--context-length",
        action: "decrease",
        ...(limit !== null ? { suggestedValue: String(limit) } : {}),
        text: `--context-length ${numOf(detail, "value") ?? ""} is longer than the model's own ${limit ?? ""}: lower it to ${limit ?? "the model's length"} (or set SGLANG_ALLOW_OVERWRITE_LONGER_CONTEXT_LEN=1 only for a model extended with RoPE scaling).`,
        why: "SGLang refuses a context longer than the model's config allows.",
      });
    } else if (kind === "unrecognized") {
      const args = (str(detail, "args") ?? "").split(/\s+/).filter((a) => a.startsWith("-"));
      for (const a of args.length > 0 ? args : [str(detail, "args") ?? ""]) {
        const dashed = a.startsWith("--") && a.includes("_") ? a.replace(/_/g, "-") : null;
        out.push({
          flag: a || null,
          action: dashed !== null ? "set" : "remove",
          ...(dashed !== null ? { suggestedValue: dashed } : {}),
          text: dashed !== null ? `Write ${a} as ${dashed}: SGLang's flags use dashes.` : `Remove ${a}: this SGLang version does not know it (check the spelling or upgrade).`,
          why: "argparse found arguments it does not know.",
        });
      }
    } else if (kind === "required") {
      const args = str(detail, "args") ?? "";
      out.push({
        flag: args.split(/[\s,]+/)[0] ?? null,
        action: "add",
        text: `Add the required argument(s): ${args}.`,
        why: "argparse needs them to start.",
      });
    } else if (kind === "invalid_value" && flag !== null) {
      out.push({
        flag,
        action: "set",
        text: `${flag} needs a ${str(detail, "valueType") ?? "valid"} value, not '${str(detail, "value") ?? ""}'.`,
        why: "argparse could not convert the value.",
      });
    } else if (kind === "expected" && flag !== null) {
      out.push({ flag, action: "set", text: `Give ${flag} a value.`, why: "argparse expected a value after the flag." });
    } else {
      out.push({ flag: null, action: "check", text: `Fix the command line: ${str(detail, "message") ?? "see the error line"}.`, why: "argparse rejected it." });
    }
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
