import { canUsePlaygroundSession } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { sessionToMarkdown } from "@/lib/playground/session";
import { apiRoute } from "../../../_lib/api-route";

/** The session as a download: `?format=json` (default) or `?format=md`. */
export const GET = apiRoute<undefined, { id: string }>({
  allow: () => true, // ownership needs the row: checked below
  handler: async ({ params, actor, services, request }) => {
    const session = await services.playground.sessions.getOrThrow({ id: params.id });
    if (!canUsePlaygroundSession(actor, session)) throw new AppError("playground_session_not_found", { id: params.id });
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "md") throw new AppError("bad_request", { detail: "format is json or md" });
    const { owner: _owner, ...view } = session;
    const name = (view.title.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "session").slice(0, 80);
    const text = format === "md" ? sessionToMarkdown(view) : JSON.stringify(view, null, 2);
    return new Response(text, {
      headers: {
        "content-type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.${format}"`,
      },
    });
  },
});
