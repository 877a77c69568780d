import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/i18n/language-switch";

/**
 * The frame of the pages before sign-in: a title, a short explanation, the form, and the language switch, so a
 * newcomer can choose before signing in. Rendered on the server and also imported by client forms (Field,
 * FormError), so it reads messages with the hook that works in both.
 */
export function AuthCard({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto mt-24 max-w-sm space-y-5 px-6">
      <div className="space-y-1">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm font-semibold tracking-tight text-zinc-400">{t("appName")}</p>
          <LanguageSwitch />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-50">{title}</h1>
        {intro && <div className="text-sm text-zinc-400">{intro}</div>}
      </div>
      {children}
    </main>
  );
}

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="block space-y-1 text-sm text-zinc-300">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-800 bg-red-950/50 px-3 py-2 text-sm text-red-200">
      {message}
    </p>
  );
}
