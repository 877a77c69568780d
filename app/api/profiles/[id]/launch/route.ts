import { canLaunchInstance } from "@/lib/authz";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

// One-click launch of a saved profile; the supervisor validates it against the box as for any launch.
export const POST = apiRoute<undefined, { id: string }>({
  allow: (actor) => canLaunchInstance(actor),
  handler: async ({ params, services, actor }) => {
    const { profile } = await services.launchProfiles.forLaunch(actor, params.id);
    return { instance: await services.launchAs(actor, { profile }) };
  },
  status: 201,
});
