export { STARTUP_PHASES, OUTCOMES, phaseIndex, shownPhase, isStartupPhase, isOutcome, type StartupPhase, type DiagnosisPhase, type Outcome } from "./phases";
export { FAILURE_CAUSES, CAUSE_TITLES, causeTitle, isFailureCause, type FailureCause } from "./causes";
export { stripAnsi, stripWrappers, normaliseLine, splitGlued, splitSegments, type NormalisedLine } from "./line";
export { classifyLogLine, parseProgressBar, STRENGTH, type LineSignal, type FailureSignal, type ClassifyContext, type Progress } from "./classify-line";
export { parseServerArgs, emptyFacts, type RunFacts } from "./facts";
export { adviseFor, MEM_FRACTION_SIDE, suggestHigherFraction, suggestLowerFraction, closestChoice, largestDivisorAtMost, type Advice, type AdviceAction, type AdviceValues } from "./advice";
export { createLogDiagnoser, diagnoseLog, MAX_LINE_CHARS, type LogDiagnoser, type LogDiagnosis, type LogDiagnoserOptions } from "./diagnoser";
export { diagnosisWords, phaseTitle, type DiagnosisWords } from "./words";
export { adviceWords } from "./advice/words";
