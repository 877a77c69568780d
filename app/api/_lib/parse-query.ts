import type { z } from "zod";
import { parseInput } from "@/lib/parse-input";

/** Parses a request's query string with a schema; a bad value is a `bad_request` naming the parameter. */
export function parseQuery<T>(request: Request, schema: z.ZodType<T>): T {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams), "query");
}
