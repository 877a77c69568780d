// The body of POST /api/instances: a profile and the supervision settings that differ from the console's defaults.
import { z } from "zod";
import { supervisionSchema } from "../supervision";
import { launchProfileSchema } from "./profile";

const field = supervisionSchema.shape;

/** Supervision settings a request may set; each one left out takes the console's default (READY_TIMEOUT_S...), not zod's. */
export const supervisionOverridesSchema = z.object({
  readyTimeoutS: field.readyTimeoutS.unwrap().optional(),
  restartPolicy: field.restartPolicy.unwrap().optional(),
  maxRestarts: field.maxRestarts.unwrap().optional(),
  restartBackoffS: field.restartBackoffS.unwrap().optional(),
  minUptimeS: field.minUptimeS.unwrap().optional(),
});

export const launchRequestSchema = z.object({
  profile: launchProfileSchema,
  supervision: supervisionOverridesSchema.optional(),
});

export type LaunchRequest = z.infer<typeof launchRequestSchema>;
