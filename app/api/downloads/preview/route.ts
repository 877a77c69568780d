import { canManageDownloads } from "@/lib/authz";
import { startDownloadSchema } from "@/lib/downloads";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

/** The file list, total size and free space for a download, before anything is fetched. */
export const POST = apiRoute({
  body: startDownloadSchema,
  allow: canManageDownloads,
  handler: async ({ body, services }) => ({ preview: await services.downloads.preview(body) }),
});
