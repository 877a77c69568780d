import type { ServerResponse } from "node:http";
import { canUsePlayground } from "../../lib/authz";
import { buildChatBody, buildCompletionBody, chatRequestSchema, completionRequestSchema, type PlaygroundKind, type UpstreamBody } from "../../lib/playground/requests";
import type { Services } from "../services";
import { nodeRoute, type NodeRoute } from "./node-route";

// The playground's requests to an instance: JSON back, or the console's SSE stream when `stream` is true.
// Served by the custom server, not Next, so a stream is piped to the browser as it comes (bench:stream).

const allowPlayground: NodeRoute<unknown>["allow"] = (actor, { params, services }) => canUsePlayground(actor, services.supervisor.getOrThrow(params.id!));

interface PlaygroundCall {
  services: Services;
  instanceId: string;
  kind: PlaygroundKind;
  stream: boolean;
  /** The body SGLang gets, for the instance's served model name. */
  build: (model: string) => UpstreamBody;
  res: ServerResponse;
  signal: AbortSignal;
}

function callInstance({ services, instanceId, kind, stream, build, res, signal }: PlaygroundCall): Promise<unknown> {
  const endpoint = services.supervisor.endpointOf(instanceId);
  const upstream = { endpoint, kind, body: build(endpoint.model), signal };
  return stream ? services.playground.stream({ ...upstream, res }) : services.playground.send(upstream);
}

export const playgroundRoutes = [
  nodeRoute({
    method: "POST",
    path: /^\/api\/instances\/(?<id>[^/]+)\/playground\/chat$/,
    body: chatRequestSchema,
    allow: allowPlayground,
    handler: ({ body, params, services, res, signal }) =>
      callInstance({ services, instanceId: params.id!, kind: "chat", stream: body.stream, build: (model) => buildChatBody(body, model), res, signal }),
  }),
  nodeRoute({
    method: "POST",
    path: /^\/api\/instances\/(?<id>[^/]+)\/playground\/completions$/,
    body: completionRequestSchema,
    allow: allowPlayground,
    handler: ({ body, params, services, res, signal }) =>
      callInstance({ services, instanceId: params.id!, kind: "completions", stream: body.stream, build: (model) => buildCompletionBody(body, model), res, signal }),
  }),
];
