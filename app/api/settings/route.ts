import { canManageSettings } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";
import { consoleSettingsSchema } from "@/lib/console-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: canManageSettings,
  handler: async ({ services }) => ({ settings: await services.settings.read() }),
});

export const PATCH = apiRoute({
  body: consoleSettingsSchema.partial(),
  allow: canManageSettings,
  handler: async ({ body, actor, services }) => {
    const settings = await services.settings.update(body);
    await services.audit({ actor, action: "settings_change", detail: body });
    return { settings };
  },
});
