"use client";

import { useTranslations } from "next-intl";

/**
 * A demo chat's refusal in the visitor's language: the console's own refusals (by their stable `code`, the API's
 * message staying English for scripts) are looked up; anything else, such as SGLang's own error, is shown as sent.
 */
export function useDemoErrorText(): (error: { code?: string | null; message: string }) => string {
  const t = useTranslations("demo.visitor.errors");
  return ({ code, message }) => (code && t.has(code) ? t(code) : message);
}
