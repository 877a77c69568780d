"use client";

import { useTranslations } from "next-intl";
import { demoRefusalText } from "@/lib/demo-links";

/**
 * A demo chat's refusal in the visitor's language (lib/demo-links.ts `demoRefusalText`): the console's own refusals by
 * their stable `code`, the API's message staying English for scripts; anything else, such as SGLang's own error, as sent.
 */
export function useDemoErrorText(): (error: { code?: string | null; message: string; retryAfterS?: number | null }) => string {
  const t = useTranslations("demo.visitor");
  return (error) => {
    const text = demoRefusalText(error, (code) => t.has(`errors.${code}`));
    return text ? t(text.key, text.values) : error.message;
  };
}
