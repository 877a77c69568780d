import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoChat } from "@/components/demo/demo-chat";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { demoLinkUnavailability, type DemoLinkUnavailability } from "@/lib/demo-links";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [common, t] = await Promise.all([getTranslations("common"), getTranslations("demo.visitor")]);
  return { title: common("pageTitle", { page: t("title") }), robots: { index: false } };
}

/** Why the visitor cannot use the link, in their language. */
async function unavailableText(reason: DemoLinkUnavailability | { code: "notFound" }): Promise<string> {
  const [t, format] = await Promise.all([getTranslations("demo.unavailable"), getFormatter()]);
  if (reason.code === "expired") return t("expired", { date: format.dateTime(new Date(reason.expiredAt), { dateStyle: "long", timeStyle: "short", timeZoneName: "short" }) });
  return t(reason.code);
}

/**
 * A demo for visitors without an account: only the link's tabs, nothing of the console around it but the language
 * switch (the language follows the browser until the visitor picks one).
 */
export default async function DemoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const services = getServices();
  const t = await getTranslations("demo.visitor");
  const link = /^[A-Za-z0-9_-]{10,100}$/.test(token) ? await services.demoLinks.findByToken(token) : null;
  const reason = link ? demoLinkUnavailability(link) : { code: "notFound" as const };
  const instance = link ? services.supervisor.get(link.instanceId) : null;
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <div className="mb-4 flex justify-end">
        <LanguageSwitch />
      </div>
      {reason || !link ? (
        <p role="alert" className="rounded-md border border-amber-800 bg-amber-950/40 px-4 py-3 text-amber-100" data-testid="demo-unavailable" data-reason={reason?.code}>
          {await unavailableText(reason ?? { code: "notFound" })}
        </p>
      ) : (
        <>
          {instance?.phase !== "ready" && (
            <p role="status" className="mb-4 text-sm text-amber-300">
              {t("notRunning")}
            </p>
          )}
          <DemoChat token={token} tabs={link.tabs} title={link.name} />
        </>
      )}
    </main>
  );
}
