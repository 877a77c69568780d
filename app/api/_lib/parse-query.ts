import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses a request's query string with a schema; a bad value is a `bad_request` naming the parameter. */
export function parseQuery<T>(request: Request, schema: z.ZodType<T>): T {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", { detail: parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ") });
  return parsed.data;
}
