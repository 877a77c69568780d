import type { z } from "zod";
import { canUsePlayground } from "@/lib/authz";
import { buildCompletionBody, completionRequestSchema } from "@/lib/playground/requests";
import { apiRoute } from "../../../../_lib/api-route";

/** A text completion on the instance: JSON back, or the console's SSE stream when `stream` is true. */
export const POST = apiRoute<z.output<typeof completionRequestSchema>, { id: string }>({
  body: completionRequestSchema,
  allow: (actor, { params, services }) => canUsePlayground(actor, services.supervisor.getOrThrow(params.id)),
  handler: async ({ body, params, services, request }) => {
    const endpoint = services.supervisor.endpointOf(params.id);
    const upstream = { endpoint, kind: "completions" as const, body: buildCompletionBody(body, endpoint.model), signal: request.signal };
    return body.stream ? services.playground.stream(upstream) : services.playground.send(upstream);
  },
});
