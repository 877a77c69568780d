import { canViewLogs } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { logSearchQuerySchema } from "@/lib/logs/search";
import { apiRoute } from "../../../../../_lib/api-route";
import { parseQuery } from "../../../../../_lib/parse-query";

export const dynamic = "force-dynamic";

/** Lines of a run's whole log that match `q` (text or `regex=1`), at `level` or above, of TP `rank`: bounded by `limit` and time. */
export const GET = apiRoute<undefined, { id: string; runId: string }>({
  allow: (actor, { params, services }) => canViewLogs(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, request }) => {
    const query = parseQuery(request, logSearchQuerySchema);
    const logPath = await services.supervisor.logPathOf(params.id, params.runId);
    if (!logPath || services.runLogs.layout(logPath).parts.length === 0) throw new AppError("run_log_missing", { id: params.runId });
    return services.runLogs.search(logPath, {
      query: query.q,
      regex: query.regex === "1",
      ...(query.level ? { level: query.level } : {}),
      ...(query.rank !== "" ? { tpRank: query.rank } : {}),
      limit: query.limit,
      timeBudgetMs: 10_000,
    });
  },
});
