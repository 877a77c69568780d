import { canManageDownloads } from "@/lib/authz";
import { cancelDownloadSchema } from "@/lib/downloads";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

/** Stops a download for good; `deleteFiles` also removes what was fetched. */
export const POST = apiRoute<{ deleteFiles: boolean }, { id: string }>({
  body: cancelDownloadSchema,
  allow: canManageDownloads,
  handler: async ({ params, body, actor, services }) => {
    const download = await services.downloads.cancel(params.id, body.deleteFiles);
    await services.audit({ actor, action: "download_cancel", target: download.repo, detail: { downloadId: download.id, deleteFiles: body.deleteFiles } });
    return { download };
  },
});
