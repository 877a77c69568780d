import { useTranslations } from "next-intl";

/** What each page says a refused person may not do (messages/<locale>/auth.json, notAllowed.what). */
export type RefusedActivity = "instances" | "launch" | "diagnose" | "gpus" | "models" | "keys" | "usage" | "demoLinks" | "users" | "audit";

/** What a page shows a person whose role does not allow it (the routes refuse the same with 403). */
export function NotAllowed({ what }: { what: RefusedActivity }) {
  const t = useTranslations("auth.notAllowed");
  return (
    <div role="alert" className="rounded-md border border-amber-800 bg-amber-950/40 px-4 py-3 text-sm text-amber-100">
      {t("message", { what: t(`what.${what}`) })}
    </div>
  );
}
