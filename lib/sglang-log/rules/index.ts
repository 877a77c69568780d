/**
 * The failure rules in the order they are tried: the first that answers classifies the line.
 * Specific texts come before generic ones (an NCCL watchdog before the scheduler's, a named OOM before a crash).
 */
import type { ClassifyContext, FailureRule, FailureSignal } from "../failure";
import { ARGUMENT_RULES } from "./arguments";
import { DISTRIBUTED_RULES } from "./distributed";
import { HARDWARE_RULES } from "./hardware";
import { MEMORY_RULES } from "./memory";
import { PROCESS_RULES } from "./process";
import { SERVING_RULES } from "./serving";

export const FAILURE_RULES: readonly FailureRule[] = [...MEMORY_RULES, ...DISTRIBUTED_RULES, ...ARGUMENT_RULES, ...HARDWARE_RULES, ...SERVING_RULES, ...PROCESS_RULES];

export function classifyFailure(text: string, ctx: ClassifyContext): FailureSignal | null {
  for (const rule of FAILURE_RULES) {
    const signal = rule.match(text, ctx);
    if (signal !== null) return signal;
  }
  return null;
}
