import { z } from "zod";
import { says } from "@/lib/schema-text";
import { usageToCsv } from "@/lib/usage";
import { canUseApiKeys, canViewEveryonesUsage } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";
import { parseQuery } from "../_lib/parse-query";

export const dynamic = "force-dynamic";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says("day", "write a day as YYYY-MM-DD"));
const querySchema = z.object({
  userId: z.string().max(100).optional(),
  model: z.string().max(300).optional(),
  from: day.optional(),
  to: day.optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

/** Tokens per day, person, key and model: your own, or (administrators) anyone's. `format=csv` downloads it. */
export const GET = apiRoute({
  allow: canUseApiKeys,
  handler: async ({ request, actor, services }) => {
    const query = parseQuery(request, querySchema);
    const userId = canViewEveryonesUsage(actor) ? query.userId : actor.id;
    const rows = await services.usage.list({ userId, model: query.model, from: query.from, to: query.to });
    if (query.format === "json") return { rows };
    return new Response(usageToCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="usage.csv"' } });
  },
});
