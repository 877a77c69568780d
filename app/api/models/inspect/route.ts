import { z } from "zod";
import { says } from "@/lib/schema-text";
import { canLaunchInstance } from "@/lib/authz";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

// What launch validation needs about a local model folder; the page asks while the path is typed.
export const POST = apiRoute({
  body: z.object({ path: z.string().min(1).max(1024).startsWith("/", says("absolutePath", "the path must be absolute")) }),
  allow: (actor) => canLaunchInstance(actor),
  handler: async ({ body, services }) => ({ info: await services.inspectModelPath(body.path) }),
});
