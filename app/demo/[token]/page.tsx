import type { Metadata } from "next";
import { DemoChat } from "@/components/demo/demo-chat";
import { demoLinkUnavailable } from "@/lib/demo-links";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Demo · SGLang Console", robots: { index: false } };

/** A demo for visitors without an account: only the link's tabs, nothing of the console around it. */
export default async function DemoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const services = getServices();
  const link = /^[A-Za-z0-9_-]{10,100}$/.test(token) ? await services.demoLinks.findByToken(token) : null;
  const unavailable = link ? demoLinkUnavailable(link) : "This demo link does not exist. Ask whoever gave it to you for a new one.";
  const instance = link ? services.supervisor.get(link.instanceId) : null;
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      {unavailable || !link ? (
        <p role="alert" className="rounded-md border border-amber-800 bg-amber-950/40 px-4 py-3 text-amber-100" data-testid="demo-unavailable">
          {unavailable}
        </p>
      ) : (
        <>
          {instance?.phase !== "ready" && (
            <p role="status" className="mb-4 text-sm text-amber-300">
              The model behind this demo is not running right now; messages will be refused until it is.
            </p>
          )}
          <DemoChat token={token} tabs={link.tabs} title={link.name} />
        </>
      )}
    </main>
  );
}
