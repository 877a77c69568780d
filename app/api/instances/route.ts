import { canLaunchInstance, canListInstances } from "@/lib/authz";
import { launchRequestSchema } from "@/lib/launch";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: (actor) => canListInstances(actor),
  handler: async ({ services }) => ({ instances: services.supervisor.list() }),
});

// The body is parsed here; launchAs applies the operators' launch policy, and the supervisor (the one place that
// launches) validates the profile against the box.
export const POST = apiRoute({
  body: launchRequestSchema,
  allow: (actor) => canLaunchInstance(actor),
  handler: async ({ body, services, actor }) => ({ instance: await services.launchAs(actor, body) }),
  status: 201,
});
