import { z } from "zod";

/** Settings an administrator changes at run time. */
export const consoleSettingsSchema = z.object({
  /** Self sign-up: off by default; when on, new users wait as pending until an administrator approves them. */
  signUpEnabled: z.boolean(),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const DEFAULT_SETTINGS: ConsoleSettings = { signUpEnabled: false };
