import { Readable } from "node:stream";
import { canViewLogs } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { logRangeQuerySchema } from "@/lib/logs/search";
import { apiRoute } from "../../../../../_lib/api-route";
import { parseQuery } from "../../../../../_lib/parse-query";

export const dynamic = "force-dynamic";

/**
 * The complete output of one run, as written to its log (the parts of a capped log in order), or the
 * byte range `?from=&to=` of it: what a browser that was skipped forward loads to see what it missed.
 */
export const GET = apiRoute<undefined, { id: string; runId: string }>({
  allow: (actor, { params, services }) => canViewLogs(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services, request }) => {
    const range = parseQuery(request, logRangeQuerySchema);
    const logPath = await services.supervisor.logPathOf(params.id, params.runId);
    if (!logPath || services.runLogs.layout(logPath).parts.length === 0) throw new AppError("run_log_missing", { id: params.runId });
    const stream = Readable.toWeb(Readable.from(services.runLogs.bytes(logPath, range))) as ReadableStream<Uint8Array>;
    const whole = range.from === undefined && range.to === undefined;
    return new Response(stream, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        ...(whole ? { "content-disposition": `attachment; filename="run-${params.runId}.log"` } : {}),
      },
    });
  },
});
