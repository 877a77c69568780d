import { canManageDownloads, canViewDownloads } from "@/lib/authz";
import { startDownloadSchema } from "@/lib/downloads";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: canViewDownloads,
  handler: async ({ services }) => ({ downloads: await services.downloads.list() }),
});

/** Starts a download from ModelScope or Hugging Face into a folder under MODELS_DIR. */
export const POST = apiRoute({
  body: startDownloadSchema,
  allow: canManageDownloads,
  status: 201,
  handler: async ({ body, actor, services }) => {
    const download = await services.downloads.start(body, actor.id);
    await services.audit({ actor, action: "download_start", target: body.repo, detail: { downloadId: download.id, source: body.source, revision: download.revision, targetDir: download.targetDir } });
    return { download };
  },
});
