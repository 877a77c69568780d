import { z } from "zod";
import { canLaunchInstance, canListInstances } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: (actor) => canListInstances(actor),
  handler: async ({ services }) => ({ instances: services.supervisor.list() }),
});

// The profile and supervision settings are parsed and validated by the supervisor (the one place that launches);
// launchAs applies the operators' launch policy first.
export const POST = apiRoute({
  body: z.object({ profile: z.unknown(), supervision: z.unknown().optional() }),
  allow: (actor) => canLaunchInstance(actor),
  handler: async ({ body, services, actor }) => ({ instance: await services.launchAs(actor, body) }),
  status: 201,
});
