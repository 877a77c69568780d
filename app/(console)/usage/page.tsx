import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { UsageReport } from "@/components/keys/usage-report";
import { canUseApiKeys, canViewEveryonesUsage } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage · SGLang Console" };

export default async function UsagePage() {
  const actor = await requirePageActor();
  if (!canUseApiKeys(actor)) return <NotAllowed what="usage" />;
  const services = getServices();
  const everyone = canViewEveryonesUsage(actor);
  const [rows, users] = await Promise.all([services.usage.list(everyone ? {} : { userId: actor.id }), everyone ? services.auth.listUsers() : Promise.resolve(null)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Usage</h1>
      <p className="text-sm text-zinc-400">{everyone ? "Tokens used through the console's /v1 endpoint by everyone." : "Tokens you used through the console's /v1 endpoint."}</p>
      <UsageReport initialRows={rows} users={users} />
    </div>
  );
}
