import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: "SGLang Console",
  description: "Launch, supervise and try SGLang servers on this GPU box",
  // Both live in public/: the SVG for browsers that take it, favicon.ico for those that ask for it by name.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/favicon.ico", sizes: "32x32" }] },
};

const NAV = [
  ["/", "Instances"],
  ["/launch", "New deployment"],
  ["/diagnose", "Diagnose"],
  ["/gpus", "GPUs"],
] as const;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
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
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
      </body>
    </html>
  );
}
