import { z } from "zod";
import type { InstancePhase } from "./instance-phase";

/** How the console looks after an instance: readiness timeout, liveness watch and restart policy (pm2's semantics). */
export const supervisionSchema = z.object({
  /** How long a start may take before the run counts as failed and is stopped. */
  readyTimeoutS: z.number().min(1).max(86_400).default(1800),
  restartPolicy: z.enum(["never", "on-failure"]).default("never"),
  /** Restarts allowed while runs keep dying within `minUptimeS`; then the instance stays crashed (a crash loop). */
  maxRestarts: z.number().int().min(0).max(50).default(3),
  /** Wait before the first restart; doubles with each consecutive one. */
  restartBackoffS: z.number().min(0).max(3600).default(5),
  /** A run that stayed up this long resets the restart count. */
  minUptimeS: z.number().min(0).max(86_400).default(120),
  /** After ready, a liveness check (`GET /health_generate`, which must generate a token) starts this often. */
  livenessIntervalS: z.number().min(0.1).max(3600).default(10),
  /** One check's whole answer. SGLang's own health check gives up after 20 s (SGLANG_HEALTH_CHECK_TIMEOUT). */
  livenessTimeoutS: z.number().min(0.1).max(600).default(25),
  /** Failed checks in a row that make a ready instance `unresponsive`. */
  livenessFailures: z.number().int().min(1).max(100).default(3),
});

export type Supervision = z.infer<typeof supervisionSchema>;

export const DEFAULT_SUPERVISION: Supervision = supervisionSchema.parse({});

/** Seconds to wait before restart number `attempt` (1-based). */
export function restartDelayS(supervision: Supervision, attempt: number): number {
  return supervision.restartBackoffS * 2 ** Math.max(0, attempt - 1);
}

/** A run as it ended, or as it stopped answering (`unresponsive`, its process still alive). */
export interface EndedRun {
  phase: InstancePhase;
  startedAt: Date;
  /** When it ended or was found unresponsive. */
  endedAt: Date;
  /** The run's restart number (0: started by a person). */
  attempt: number;
  /** A person asked for the stop: never restarted. */
  stopRequested: boolean;
}

export type RestartDecision =
  | { action: "none" }
  | { action: "restart"; attempt: number; at: Date }
  | { action: "give_up"; attempt: number; reason: string };

const FAILED_PHASES: readonly InstancePhase[] = ["crashed", "failed_start", "unresponsive"];

/**
 * The restart policy: on failure, with doubling backoff counted from when the run ended; runs that keep dying
 * within `minUptimeS` count towards `maxRestarts`, then the policy gives up (a crash loop).
 */
export function decideRestart(ended: EndedRun, supervision: Supervision, now: Date): RestartDecision {
  if (ended.stopRequested || !FAILED_PHASES.includes(ended.phase) || supervision.restartPolicy !== "on-failure") return { action: "none" };
  const uptimeS = (ended.endedAt.getTime() - ended.startedAt.getTime()) / 1000;
  const attempt = uptimeS >= supervision.minUptimeS ? 1 : ended.attempt + 1;
  if (attempt > supervision.maxRestarts) {
    const done = attempt - 1;
    return {
      action: "give_up",
      attempt: done,
      reason: `Crash loop: the server failed again after ${done} automatic restart${done === 1 ? "" : "s"}, each within ${supervision.minUptimeS} s of starting, so the console stopped restarting it. Fix the cause shown below, then start it again.`,
    };
  }
  const dueMs = ended.endedAt.getTime() + restartDelayS(supervision, attempt) * 1000;
  return { action: "restart", attempt, at: new Date(Math.max(now.getTime(), dueMs)) };
}
