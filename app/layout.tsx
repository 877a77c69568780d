import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "SGLang Console",
  description: "Launch, supervise and try SGLang servers on this GPU box",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
