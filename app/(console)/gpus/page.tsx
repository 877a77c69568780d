import { GpuPanel } from "@/components/telemetry/gpu-panel";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

export default function GpusPage() {
  return <GpuPanel initial={getServices().gpuSampler.snapshot()} />;
}
