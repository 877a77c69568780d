// The body of POST /api/instances: a profile and the supervision settings that differ from the console's defaults.
import { z } from "zod";
import { supervisionSchema } from "../supervision";
import { launchProfileSchema } from "./profile";

const field = supervisionSchema.shape;

/**
 * Supervision settings a request may set: every field of the supervision schema, each optional; one left out
 * takes the console's default (READY_TIMEOUT_S...), not zod's.
 */
export const supervisionOverridesSchema = z.object(
  Object.fromEntries(Object.entries(field).map(([name, schema]) => [name, schema.unwrap().optional()])) as {
    [K in keyof typeof field]: z.ZodOptional<ReturnType<(typeof field)[K]["unwrap"]>>;
  },
);

export const launchRequestSchema = z.object({
  profile: launchProfileSchema,
  supervision: supervisionOverridesSchema.optional(),
});

export type LaunchRequest = z.infer<typeof launchRequestSchema>;
