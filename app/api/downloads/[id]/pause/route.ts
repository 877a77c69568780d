import { canManageDownloads } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<undefined, { id: string }>({
  allow: canManageDownloads,
  handler: async ({ params, services }) => ({ download: await services.downloads.pause(params.id) }),
});
