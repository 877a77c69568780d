import { canViewDownloads } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<undefined, { id: string }>({
  allow: canViewDownloads,
  handler: async ({ params, services }) => ({ download: await services.downloads.getOrThrow(params.id) }),
});
