import type { InstancePhase } from "./instance-phase";

/** What pages, the API and sockets see of an instance: plain data, no database or process types. */
export interface InstanceView {
  id: string;
  name: string;
  owner: string;
  simulated: boolean;
  host: string;
  port: number;
  modelPath: string;
  servedModelName: string | null;
  createdAt: string;
  phase: InstancePhase;
  run: RunView | null;
}

export interface RunView {
  id: string;
  phase: InstancePhase;
  /** SGLang's own startup stage from its output (the log classifier's phase name). */
  stage: string | null;
  progress: { label: string; percent: number } | null;
  pid: number | null;
  program: string;
  argv: string[];
  commandLine: string;
  cause: string | null;
  causeTitle: string | null;
  causeDetail: string | null;
  keyLines: number[];
  advice: { flag: string | null; action: string; suggestedValue?: string; text: string; why: string }[];
  exitCode: number | null;
  signal: string | null;
  startedAt: string;
  readyAt: string | null;
  endedAt: string | null;
  /** Processes of the tree still alive after a stop (should be empty). */
  survivors: number[];
}

export interface ChatReply {
  content: string;
  reasoning: string | null;
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  model: string;
}
