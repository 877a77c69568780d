import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "SGLang Console",
  description: "Launch, supervise and try SGLang servers on this GPU box",
  // Both live in public/: the SVG for browsers that take it, favicon.ico for those that ask for it by name.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/favicon.ico", sizes: "32x32" }] },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
