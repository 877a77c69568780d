import { z } from "zod";
import { canManageDownloads } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

/** Deletes a model folder under MODELS_DIR (`{"path": ...}`); refused while an instance uses it. */
export const DELETE = apiRoute({
  body: z.object({ path: z.string().min(1) }),
  allow: canManageDownloads,
  handler: async ({ body, actor, services }) => {
    const model = await services.deleteModel(body.path);
    await services.audit({ actor, action: "model_delete", target: model.path, detail: { name: model.name } });
    return { deleted: model.path };
  },
});
