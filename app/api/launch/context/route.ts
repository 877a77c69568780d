import { canLaunchInstance } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";
import { readLaunchContext } from "../../_lib/read-launch-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  allow: (actor) => canLaunchInstance(actor),
  handler: async ({ services }) => readLaunchContext(services),
});
