import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { canMakeDemoLinks, canManageUsers, canViewAudit } from "@/lib/authz";
import { requirePageActor } from "./_lib/page-actor";

const NAV = [
  ["/", "Instances"],
  ["/launch", "New deployment"],
  ["/diagnose", "Diagnose"],
  ["/gpus", "GPUs"],
  ["/models", "Models"],
  ["/keys", "API keys"],
  ["/usage", "Usage"],
] as const;

/** Every console page needs a signed-in person; the header shows who, and the admin pages to those who may. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <header className="border-b border-zinc-800 bg-zinc-900/60">
        <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3">
          <Link href="/" className="font-semibold tracking-tight text-zinc-50">
            SGLang Console
          </Link>
          {NAV.map(([href, label]) => (
            <Link key={href} href={href} className="text-sm text-zinc-400 hover:text-zinc-100">
              {label}
            </Link>
          ))}
          {canMakeDemoLinks(actor) && (
            <Link href="/demo-links" className="text-sm text-zinc-400 hover:text-zinc-100">
              Demo links
            </Link>
          )}
          {canManageUsers(actor) && (
            <Link href="/users" className="text-sm text-zinc-400 hover:text-zinc-100">
              Users
            </Link>
          )}
          {canViewAudit(actor) && (
            <Link href="/audit" className="text-sm text-zinc-400 hover:text-zinc-100">
              Audit
            </Link>
          )}
          <span className="ml-auto flex items-center gap-3 text-sm text-zinc-400">
            <Link href="/account" className="hover:text-zinc-100" data-testid="signed-in-as">
              {actor.name} <span className="text-zinc-500">({actor.role})</span>
            </Link>
            <SignOutButton />
          </span>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </>
  );
}
