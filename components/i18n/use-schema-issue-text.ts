"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { z } from "zod";
import { schemaIssueWords, schemaProblem } from "@/lib/schema-text";

type SchemaIssue = z.core.$ZodIssue;

/**
 * Schema problems (zod's issues) in the reader's language (lib/schema-text.ts): `words` alone, for a message shown
 * beside its field; `firstProblem` with the field's name ("temperature: …"), null when there is none.
 */
export function useSchemaIssueText(): { words: (issue: SchemaIssue) => string; firstProblem: (issues: readonly SchemaIssue[]) => string | null } {
  const t = useTranslations("validation");
  return useMemo(() => {
    const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
    return { words: (issue) => schemaIssueWords(issue, translate), firstProblem: (issues) => (issues[0] ? schemaProblem(issues[0], translate) : null) };
  }, [t]);
}
