import type { z } from "zod";
import { AppError } from "./errors";
import { joinClauses } from "./i18n/format";
import { translator } from "./i18n/translate";
import { schemaProblem } from "./schema-text";

/**
 * Parses input with a schema; a bad value is a `bad_request` naming each field (`what` when it is the whole input),
 * worded for the reader from each issue's code (lib/schema-text.ts), in English for the logs.
 */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw new AppError("bad_request", { detail: issues.map((i) => `${i.path.join(".") || what}: ${i.message}`).join("; ") }, {
    localized: (locale) => {
      const t = translator(locale, "validation");
      return { detail: joinClauses(issues.map((issue) => schemaProblem(issue, t, what)), locale) };
    },
  });
}
