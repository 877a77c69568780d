import { NotAllowed } from "@/components/auth/not-allowed";
import { GpuPanel } from "@/components/telemetry/gpu-panel";
import { canViewTelemetry } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";

export default async function GpusPage() {
  if (!canViewTelemetry(await requirePageActor())) return <NotAllowed what="gpus" />;
  return <GpuPanel initial={getServices().gpuSampler.snapshot()} />;
}
