import { canMakeDemoLinks } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

/** Revokes a link at once: its page then says so, and its chat answers 410. */
export const DELETE = apiRoute<undefined, { id: string }>({
  allow: canMakeDemoLinks,
  handler: async ({ params, actor, services }) => {
    const link = await services.demoLinks.revoke(actor, params.id);
    await services.audit({ actor, action: "demo_link_revoke", target: link.name, detail: { linkId: link.id } });
    return { link };
  },
});
