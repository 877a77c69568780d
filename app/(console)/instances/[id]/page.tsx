import { notFound } from "next/navigation";
import { InstanceLive } from "@/components/instances/instance-live";
import { canControlInstance, canViewInstance } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../../_lib/page-actor";

export const dynamic = "force-dynamic";

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const instance = getServices().supervisor.get(id);
  if (!instance || !canViewInstance(actor, instance)) notFound();
  return <InstanceLive initial={instance} canControl={canControlInstance(actor, instance)} />;
}
