import { notFound } from "next/navigation";
import { InstanceLive } from "@/components/instances/instance-live";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const instance = getServices().supervisor.get(id);
  if (!instance) notFound();
  return <InstanceLive initial={instance} />;
}
