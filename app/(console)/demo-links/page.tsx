import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { DemoLinksManager } from "@/components/demo/demo-links-manager";
import { canMakeDemoLinks, canUsePlayground } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Demo links · SGLang Console" };

export default async function DemoLinksPage() {
  const actor = await requirePageActor();
  if (!canMakeDemoLinks(actor)) return <NotAllowed what="demoLinks" />;
  const services = getServices();
  const instances = services.supervisor
    .list()
    .filter((instance) => canUsePlayground(actor, instance))
    .map((instance) => ({ id: instance.id, name: instance.name }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Demo links</h1>
      <p className="text-sm text-zinc-400">Show one model to a visitor without an account: only the chosen tabs, within the caps you set. Their use counts in Usage under the link&apos;s name.</p>
      <DemoLinksManager initialLinks={await services.demoLinks.list(actor)} instances={instances} />
    </div>
  );
}
