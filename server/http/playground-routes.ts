import type { z } from "zod";
import { canUsePlayground } from "../../lib/authz";
import { buildChatBody, buildCompletionBody, chatRequestSchema, completionRequestSchema, type PlaygroundKind, type UpstreamBody } from "../../lib/playground/requests";
import { nodeRoute } from "./node-route";

// The playground's requests to an instance: JSON back, or the console's SSE stream when `stream` is true.
// Served by the custom server, not Next, so a stream is piped to the browser as it comes (bench:stream).

/** `POST /api/instances/<id>/playground/<kind>`: `build` makes the body SGLang gets for its served model name. */
function playgroundRoute<TBody extends { stream: boolean }>(kind: PlaygroundKind, schema: z.ZodType<TBody>, build: (body: TBody, model: string) => UpstreamBody) {
  return nodeRoute({
    method: "POST",
    path: new RegExp(`^/api/instances/(?<id>[^/]+)/playground/${kind}$`),
    body: schema,
    allow: (actor, { params, services }) => canUsePlayground(actor, services.supervisor.getOrThrow(params.id!)),
    handler: ({ body, params, services, res, signal, locale }) => {
      const endpoint = services.supervisor.endpointOf(params.id!);
      const upstream = { endpoint, kind, body: build(body, endpoint.model), signal };
      return body.stream ? services.playground.stream({ ...upstream, res, locale }) : services.playground.send(upstream);
    },
  });
}

export const playgroundRoutes = [playgroundRoute("chat", chatRequestSchema, buildChatBody), playgroundRoute("completions", completionRequestSchema, buildCompletionBody)];
