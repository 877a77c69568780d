import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LaunchConfigurator } from "@/components/launch/launch-configurator";
import { NotAllowed } from "@/components/auth/not-allowed";
import { canLaunchInstance } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { readLaunchContext } from "../../api/_lib/read-launch-context";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("launch.page");
  return { title: t("metaTitle") };
}

/** `?command=` pre-fills the form from a command line (e.g. "Relaunch with this change" on /diagnose). */
export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ command?: string | string[] }> }) {
  const actor = await requirePageActor();
  if (!canLaunchInstance(actor)) return <NotAllowed what="launch" />;
  const services = getServices();
  const { command } = await searchParams;
  const [context, profiles] = await Promise.all([readLaunchContext(services), services.launchProfiles.list(actor)]);
  const initialCommand = typeof command === "string" && command.length <= 64 * 1024 ? command : null;
  return <LaunchConfigurator initialContext={context} initialProfiles={profiles} initialCommand={initialCommand} />;
}
