import type { z } from "zod";
import { AppError } from "./errors";

/** Parses input with a schema; a bad value is a `bad_request` naming each field (`what` when it is the whole input). */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", { detail: parsed.error.issues.map((i) => `${i.path.join(".") || what}: ${i.message}`).join("; ") });
  return parsed.data;
}
