import { z } from "zod";
import { auditEventsToCsv } from "@/lib/audit";
import { canViewAudit } from "@/lib/authz";
import { apiRoute } from "../_lib/api-route";
import { parseQuery } from "../_lib/parse-query";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  actorId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  format: z.enum(["json", "csv"]).default("json"),
});

/** The audit trail, newest first, filtered by person, action and time; `format=csv` downloads it. */
export const GET = apiRoute({
  allow: canViewAudit,
  handler: async ({ request, services }) => {
    const query = parseQuery(request, querySchema);
    const events = await services.auditTrail.list({
      actorId: query.actorId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
    });
    if (query.format === "json") return { events };
    return new Response(auditEventsToCsv(events), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit-trail.csv"' },
    });
  },
});
