import { canUsePlayground } from "../../lib/authz";
import { buildChatBody, buildCompletionBody, chatRequestSchema, completionRequestSchema, type UpstreamBody } from "../../lib/playground/requests";
import type { Services } from "../services";
import { nodeRoute } from "./node-route";

// The playground's requests to an instance: JSON back, or the console's SSE stream when `stream` is true.
// Served by the custom server, not Next, so a stream is piped to the browser as it comes (bench:stream).

const allowPlayground = (actor: Parameters<typeof canUsePlayground>[0], { params, services }: { params: Record<string, string>; services: Services }) =>
  canUsePlayground(actor, services.supervisor.getOrThrow(params.id!));

function send(services: Services, id: string, kind: "chat" | "completions", stream: boolean, build: (model: string) => UpstreamBody, res: import("node:http").ServerResponse, signal: AbortSignal) {
  const endpoint = services.supervisor.endpointOf(id);
  const upstream = { endpoint, kind, body: build(endpoint.model), signal };
  return stream ? services.playground.stream({ ...upstream, res }) : services.playground.send(upstream);
}

export const playgroundRoutes = [
  nodeRoute({
    method: "POST",
    path: /^\/api\/instances\/(?<id>[^/]+)\/playground\/chat$/,
    body: chatRequestSchema,
    allow: allowPlayground,
    handler: ({ body, params, services, res, signal }) => send(services, params.id!, "chat", body.stream, (model) => buildChatBody(body, model), res, signal),
  }),
  nodeRoute({
    method: "POST",
    path: /^\/api\/instances\/(?<id>[^/]+)\/playground\/completions$/,
    body: completionRequestSchema,
    allow: allowPlayground,
    handler: ({ body, params, services, res, signal }) =>
      send(services, params.id!, "completions", body.stream, (model) => buildCompletionBody(body, model), res, signal),
  }),
];
