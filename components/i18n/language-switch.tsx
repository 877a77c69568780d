"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { callApi } from "@/components/api-client";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

/**
 * Switches the language at once: the choice is saved (cookie, and the account when signed in), then the server
 * parts re-render in place; client state such as a typed prompt survives because nothing reloads.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const current = useLocale() as Locale;
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) => {
    if (locale === current) return;
    startTransition(async () => {
      await callApi("POST", "/api/locale", { locale });
      router.refresh();
    });
  };

  return (
    <div role="group" aria-label={t("language")} className={cn("flex shrink-0 overflow-hidden rounded border border-zinc-700 text-xs whitespace-nowrap", className)} data-testid="language-switch">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          disabled={pending}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          className={cn("px-2 py-1", locale === current ? "bg-zinc-700 text-zinc-50" : "text-zinc-400 hover:text-zinc-100")}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
