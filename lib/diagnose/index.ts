export { toDiagnosisJson, type DiagnosisJson } from "./diagnosis-json";
export { createLogTextDecoder, type LogTextDecoder } from "./decode-log";
export { diagnoseBytes, formatBytes, readableChunks, type ByteDiagnosis } from "./diagnose-bytes";
export { profileFromFacts, isApplicable, applyAdvice, formatProfileCommand, correctedCommand, type AdviceChange } from "./corrected-command";
export { createLogExcerpt, type LogExcerpt, type ExcerptLine, type LogExcerptOptions } from "./log-excerpt";
