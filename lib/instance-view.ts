import type { CauseDetail } from "./cause-detail";
import type { InstancePhase } from "./instance-phase";
import type { Supervision } from "./supervision";

/** What pages, the API and sockets see of an instance: plain data, no database or process types. */
export interface InstanceView {
  id: string;
  name: string;
  /** The owner's user id, and their name for display. */
  owner: string;
  ownerName: string;
  simulated: boolean;
  host: string;
  port: number;
  modelPath: string;
  servedModelName: string | null;
  createdAt: string;
  phase: InstancePhase;
  run: RunView | null;
  supervision: Supervision;
  restart: RestartState;
}

export interface RestartState {
  /** Automatic restarts in a row so far (runs that died within the minimum uptime). */
  attempt: number;
  /** When the next automatic restart happens, if one is scheduled. */
  nextAt: string | null;
  /** Set when the policy gave up: a crash loop. */
  gaveUp: string | null;
}

/** One run in an instance's history. */
export interface RunSummary {
  id: string;
  phase: InstancePhase;
  cause: string | null;
  causeTitle: string | null;
  exitCode: number | null;
  signal: string | null;
  /** The user id of who started it, or "restart-policy"; and their name for display. */
  startedBy: string;
  startedByName: string;
  attempt: number;
  startedAt: string;
  readyAt: string | null;
  endedAt: string | null;
  durationS: number | null;
  commandLine: string;
  logAvailable: boolean;
}

export interface RunView {
  id: string;
  phase: InstancePhase;
  /** SGLang's own startup stage from its output (the log classifier's phase name). */
  stage: string | null;
  progress: { label: string; percent: number } | null;
  /** When each startup stage began (live runs of this console only). */
  stageTimes: Record<string, string>;
  pid: number | null;
  program: string;
  argv: string[];
  commandLine: string;
  cause: string | null;
  causeTitle: string | null;
  /** In English (the API, scripts); pages word `causeDetailData` instead when a run has it (rows from before do not). */
  causeDetail: string | null;
  causeDetailData: CauseDetail | null;
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
