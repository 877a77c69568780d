import { canViewInstance } from "@/lib/authz";
import { localeOfHeaders } from "@/lib/i18n/locales";
import { apiRoute } from "../../../_lib/api-route";

export const dynamic = "force-dynamic";

// The parser check of the instance's latest ready run (null until one became ready since the console started).
export const GET = apiRoute<undefined, { id: string }>({
  allow: (actor, { params, services }) => canViewInstance(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, request }) => ({ parserCheck: services.parserChecks.get(services.supervisor.getOrThrow(params.id).id, localeOfHeaders(request.headers)) }),
});
