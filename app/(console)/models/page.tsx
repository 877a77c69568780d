import { NotAllowed } from "@/components/auth/not-allowed";
import { ModelsView } from "@/components/models/models-view";
import { canManageDownloads, canManageHubTokens, canViewDownloads } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("models");

export default async function ModelsPage() {
  const actor = await requirePageActor();
  if (!canViewDownloads(actor)) return <NotAllowed what="models" />;
  const services = getServices();
  const [models, downloads, hubTokens] = await Promise.all([services.listLocalModels(), services.downloads.list(), canManageHubTokens(actor) ? services.hubTokens.list() : null]);
  return <ModelsView models={models} initialDownloads={downloads} modelsDirs={services.env.modelsDirs} canManage={canManageDownloads(actor)} hubTokens={hubTokens} />;
}
