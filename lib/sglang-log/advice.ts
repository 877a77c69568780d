/**
 * Advice: which knob to turn, which way, and by how much, from the numbers in the log.
 * One function per cause: a new cause is one entry here (the type requires it) and its test.
 */
import { CUDA_GRAPH_ADVICE } from "./advice/cuda-graph";
import { HARDWARE_ADVICE } from "./advice/hardware";
import { MEMORY_ADVICE } from "./advice/memory";
import { MODEL_ADVICE } from "./advice/model";
import { RUNTIME_ADVICE } from "./advice/runtime";
import { SERVING_ADVICE } from "./advice/serving";
import { STARTUP_ADVICE } from "./advice/startup";
import type { FailureCause } from "./causes";
import type { Advice, AdviceFor, AdviceInput } from "./advice/types";

export { MEM_FRACTION_SIDE, suggestHigherFraction, suggestLowerFraction, closestChoice, largestDivisorAtMost, parseChoices } from "./advice/knobs";
export type { Advice, AdviceAction, AdviceInput, AdviceValues } from "./advice/types";

export const ADVICE: Readonly<Record<FailureCause, AdviceFor>> = { ...MEMORY_ADVICE, ...CUDA_GRAPH_ADVICE, ...STARTUP_ADVICE, ...MODEL_ADVICE, ...HARDWARE_ADVICE, ...RUNTIME_ADVICE, ...SERVING_ADVICE };

export function adviseFor(input: AdviceInput): Advice[] {
  return ADVICE[input.cause](input);
}
