import { canMakeDemoLinks, canUsePlayground } from "@/lib/authz";
import { createDemoLinkSchema } from "@/lib/demo-links";
import { AppError } from "@/lib/errors";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

/** Your demo links (administrators: everyone's). */
export const GET = apiRoute({
  allow: canMakeDemoLinks,
  handler: async ({ actor, services }) => ({ links: await services.demoLinks.list(actor) }),
});

/** A link for one instance; its token is in this answer and nowhere else. */
export const POST = apiRoute({
  body: createDemoLinkSchema,
  allow: canMakeDemoLinks,
  handler: async ({ body, actor, services }) => {
    const instance = services.supervisor.getOrThrow(body.instanceId);
    if (!canUsePlayground(actor, instance)) throw new AppError("forbidden");
    const created = await services.demoLinks.create(actor, body);
    await services.audit({ actor, action: "demo_link_create", target: body.name, detail: { linkId: created.link.id, instanceId: body.instanceId, tabs: body.tabs } });
    return created;
  },
  status: 201,
});
