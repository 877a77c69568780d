import fs from "node:fs";
import { Readable } from "node:stream";
import { canViewLogs } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { apiRoute } from "../../../../../_lib/api-route";

export const dynamic = "force-dynamic";

/** The complete output of one run, as written to its log file. */
export const GET = apiRoute<undefined, { id: string; runId: string }>({
  allow: (actor, { params, services }) => canViewLogs(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ params, services }) => {
    const logPath = await services.supervisor.logPathOf(params.id, params.runId);
    if (!logPath || !fs.existsSync(logPath)) throw new AppError("bad_request", { detail: `run ${params.runId} has no log file` });
    const stream = Readable.toWeb(fs.createReadStream(logPath)) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="run-${params.runId}.log"`,
      },
    });
  },
});
