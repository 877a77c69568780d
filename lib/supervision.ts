import { z } from "zod";

/** How the console looks after an instance: readiness timeout and restart policy (pm2's semantics). */
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
});

export type Supervision = z.infer<typeof supervisionSchema>;

export const DEFAULT_SUPERVISION: Supervision = supervisionSchema.parse({});

/** Seconds to wait before restart number `attempt` (1-based). */
export function restartDelayS(supervision: Supervision, attempt: number): number {
  return supervision.restartBackoffS * 2 ** Math.max(0, attempt - 1);
}
