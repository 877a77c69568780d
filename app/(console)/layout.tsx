import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { canMakeDemoLinks, canManageUsers, canViewAudit } from "@/lib/authz";
import { requirePageActor } from "./_lib/page-actor";

const NAV = [
  ["/", "instances"],
  ["/launch", "launch"],
  ["/diagnose", "diagnose"],
  ["/gpus", "gpus"],
  ["/models", "models"],
  ["/keys", "keys"],
  ["/usage", "usage"],
] as const;

/** Every console page needs a signed-in person; the header shows who, and the admin pages to those who may. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const t = await getTranslations("common");
  const navLink = (href: string, label: string) => (
    <Link key={href} href={href} className="whitespace-nowrap text-sm text-zinc-400 hover:text-zinc-100">
      {label}
    </Link>
  );
  return (
    <>
      <header className="border-b border-zinc-800 bg-zinc-900/60">
        <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-6 py-3">
          <Link href="/" className="whitespace-nowrap font-semibold tracking-tight text-zinc-50">
            {t("appName")}
          </Link>
          {NAV.map(([href, key]) => navLink(href, t(`nav.${key}`)))}
          {canMakeDemoLinks(actor) && navLink("/demo-links", t("nav.demoLinks"))}
          {canManageUsers(actor) && navLink("/users", t("nav.users"))}
          {canViewAudit(actor) && navLink("/audit", t("nav.audit"))}
          <span className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm text-zinc-400">
            <LanguageSwitch />
            <Link href="/account" className="hover:text-zinc-100" data-testid="signed-in-as">
              {actor.name} <span className="text-zinc-500">({t(`roles.${actor.role}`)})</span>
            </Link>
            <SignOutButton />
          </span>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </>
  );
}
