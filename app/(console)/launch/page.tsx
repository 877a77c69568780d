import type { Metadata } from "next";
import { LaunchConfigurator } from "@/components/launch/launch-configurator";
import { getServices } from "@/server/registry";
import { readLaunchContext } from "../../api/_lib/read-launch-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New deployment · SGLang Console" };

export default async function LaunchPage() {
  const services = getServices();
  const [context, profiles] = await Promise.all([readLaunchContext(services), services.launchProfiles.listLaunchProfiles(services.db)]);
  return <LaunchConfigurator initialContext={context} initialProfiles={profiles} />;
}
