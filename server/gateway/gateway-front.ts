// The box's one OpenAI-compatible endpoint as clients meet it: `GET /v1/models`, `POST /v1/chat/completions`,
// `POST /v1/completions`, forwarded with SGLang's bytes passed through as they arrive. Nothing else of SGLang's API is
// reachable through the console. Keys, models and limits are the control's (gateway-control.ts); this side runs in
// the gateway's own process, or in the console's while that process is not up.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gatewayError, type GatewayError } from "../../lib/gateway/openai-error";
import { isAppError } from "../../lib/errors";
import { readJson } from "../http/read-json";
import type { GatewayControlApi } from "./gateway-control";
import { proxyCompletion, sendJson, type CountedUsage, type ForwardedPath } from "./proxy-completion";

const FORWARDED: Record<string, ForwardedPath> = { "/v1/chat/completions": "chat/completions", "/v1/completions": "completions" };

const sendError = (res: ServerResponse, error: GatewayError) =>
  sendJson(res, error.status, error.body, error.retryAfterS !== undefined ? { "retry-after": String(error.retryAfterS) } : {});

/** True for the paths the gateway answers (also those it answers with 404): `/v1` and below. */
export const isGatewayPath = (path: string) => path === "/v1" || path.startsWith("/v1/");

export function createGatewayFront(deps: { control: GatewayControlApi; log: (message: string) => void }) {
  const { control } = deps;

  async function models(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = await control.models(req.headers.authorization);
    if (!answer.ok) return sendError(res, answer.error);
    sendJson(res, 200, { object: "list", data: answer.names.map((id) => ({ id, object: "model", created: 0, owned_by: "sglang-console" })) });
  }

  /** The body as JSON object naming a model, or the error that says what to change. */
  async function readBody(req: IncomingMessage): Promise<{ body: Record<string, unknown>; model: string } | GatewayError> {
    const invalid = (message: string, param?: string) => gatewayError(400, "invalid_request", message, param ? { param } : {});
    let parsed: unknown;
    try {
      parsed = await readJson(req);
    } catch (error) {
      return invalid(isAppError(error) ? error.userMessage : "The body must be JSON.");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return invalid("The body must be a JSON object.");
    const body = parsed as Record<string, unknown>;
    if (typeof body.model !== "string" || body.model === "") return invalid("Name the model: `model` is required.", "model");
    return { body, model: body.model };
  }

  async function forward(req: IncomingMessage, res: ServerResponse, path: ForwardedPath): Promise<void> {
    const read = await readBody(req);
    // The key is checked before the body's faults are told (a caller without one learns nothing else), in the same
    // call as the rest: Node's HTTP server reads a request's body whether or not it is answered before.
    const admission = await control.admit(req.headers.authorization, "status" in read ? { invalid: read } : { model: read.model });
    if (!admission.ok) return sendError(res, admission.error);
    // Admitted, the body was valid: the control refuses every `invalid` one.
    const { body } = read as { body: Record<string, unknown> };
    let usage: CountedUsage = { model: admission.endpoint.model, prompt: 0, completion: 0, estimated: false };
    try {
      usage = await proxyCompletion({ endpoint: admission.endpoint, path, body, res, log: deps.log });
    } finally {
      control.finish(admission.ticket, usage);
    }
  }

  /** True when `req` was a gateway request (and is being answered). */
  return function handleGateway(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0]!;
    if (!isGatewayPath(path)) return false;
    const forwarded = FORWARDED[path];
    if (req.method === "GET" && path === "/v1/models") void models(req, res).catch((error: unknown) => fail(res, error));
    else if (req.method === "POST" && forwarded) void forward(req, res, forwarded).catch((error: unknown) => fail(res, error));
    else sendError(res, gatewayError(404, "not_found", `${req.method} ${path} is not served here: the console forwards GET /v1/models, POST /v1/chat/completions and POST /v1/completions.`));
    return true;
  };

  function fail(res: ServerResponse, error: unknown): void {
    deps.log(`gateway: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) sendError(res, gatewayError(500, "internal", "Something went wrong inside the console; its log has the details."));
    else res.end();
  }
}
