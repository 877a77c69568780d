import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, common] = await Promise.all([getTranslations("account"), getTranslations("common")]);
  return { title: `${t("title")} · ${common("appName")}` };
}

/** Who is signed in, the language their account keeps (the switch saves it), and their password. */
export default async function AccountPage() {
  const actor = await requirePageActor();
  const [t, common, locale, saved] = await Promise.all([getTranslations("account"), getTranslations("common"), getLocale(), getServices().auth.savedLocale(actor.id)]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-zinc-400">{t("signedInAs", { name: actor.name, role: common(`roles.${actor.role}`) })}</p>
      </div>
      <section aria-labelledby="account-language" className="space-y-2">
        <h2 id="account-language" className="text-lg font-semibold tracking-tight">
          {t("language.title")}
        </h2>
        <LanguageSwitch className="w-fit" />
        <p className="text-sm text-zinc-400" data-testid="saved-locale" data-locale={saved ?? ""}>
          {saved ? t("language.saved", { language: LOCALE_NAMES[saved] }) : t("language.notSaved", { language: LOCALE_NAMES[locale as Locale] })}
        </p>
      </section>
      <section aria-labelledby="account-password" className="space-y-2">
        <h2 id="account-password" className="text-lg font-semibold tracking-tight">
          {t("password.title")}
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
