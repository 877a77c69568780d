import type { Metadata } from "next";
import { LaunchConfigurator } from "@/components/launch/launch-configurator";
import { getServices } from "@/server/registry";
import { readLaunchContext } from "../../api/_lib/read-launch-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New deployment · SGLang Console" };

/** `?command=` pre-fills the form from a command line (e.g. "Relaunch with this change" on /diagnose). */
export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ command?: string | string[] }> }) {
  const services = getServices();
  const { command } = await searchParams;
  const [context, profiles] = await Promise.all([readLaunchContext(services), services.launchProfiles.listLaunchProfiles(services.db)]);
  const initialCommand = typeof command === "string" && command.length <= 64 * 1024 ? command : null;
  return <LaunchConfigurator initialContext={context} initialProfiles={profiles} initialCommand={initialCommand} />;
}
