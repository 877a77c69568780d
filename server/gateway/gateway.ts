// The box's one OpenAI-compatible endpoint: `GET /v1/models`, `POST /v1/chat/completions`, `POST /v1/completions`,
// authenticated by personal API keys, forwarded to the least busy ready instance serving the model, with SGLang's
// bytes passed through as they arrive. Nothing else of SGLang's API is reachable through the console.
import type { IncomingMessage, ServerResponse } from "node:http";
import { canUsePlayground, ROLES, type Actor, type UserRole } from "../../lib/authz";
import { gatewayError, toOpenAiErrorBody, type GatewayError } from "../../lib/gateway/openai-error";
import { RateWindow } from "../../lib/gateway/rate-window";
import { resolveModel, type GatewayCandidate } from "../../lib/gateway/resolve-model";
import { isAppError } from "../../lib/errors";
import { readJson } from "../http/node-route";
import { openRequest } from "../playground/node-fetch";
import type { Supervisor } from "../supervisor/supervisor";
import type { KeyService } from "./key-service";
import { BROKEN_STREAM_TAIL, pipeStream } from "./pipe-stream";
import type { UsageEntry } from "./usage";

const FORWARDED = { "/v1/chat/completions": "chat/completions", "/v1/completions": "completions" } as const;
type ForwardedPath = (typeof FORWARDED)[keyof typeof FORWARDED];

interface CountedUsage {
  model: string;
  prompt: number;
  completion: number;
  estimated: boolean;
}

interface Caller {
  actor: Actor;
  key: { id: string; name: string; models: string[] | null; rpm: number | null; tpm: number | null; maxInFlight: number | null };
}

export interface GatewayDeps {
  usage: { record: (entry: UsageEntry) => void };
  keys: KeyService;
  supervisor: Supervisor;
  log: (message: string) => void;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers }).end(text);
}

const sendError = (res: ServerResponse, error: GatewayError) =>
  send(res, error.status, error.body, error.retryAfterS !== undefined ? { "retry-after": String(error.retryAfterS) } : {});

export function createGateway(deps: GatewayDeps) {
  const inFlightByInstance = new Map<string, number>();
  const inFlightByKey = new Map<string, number>();
  const requestsPerMinute = new RateWindow();
  const tokensPerMinute = new RateWindow();
  const bump = (map: Map<string, number>, id: string, by: number) => map.set(id, (map.get(id) ?? 0) + by);

  async function authenticate(req: IncomingMessage): Promise<Caller | GatewayError> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!match) return gatewayError(401, "invalid_api_key", "Send a personal API key as `Authorization: Bearer <key>`; create one on the console's API keys page.");
    const found = await deps.keys.authenticate(match[1]!);
    if (!found) return gatewayError(401, "invalid_api_key", "This API key is not valid: it is unknown, revoked or expired, or its owner is disabled.");
    const role = (ROLES as readonly string[]).includes(found.user.role ?? "") ? (found.user.role as UserRole) : "viewer";
    const { key } = found;
    return {
      actor: { id: found.user.id, name: found.user.name, role },
      key: { id: key.id, name: key.name, models: key.modelsJson ? (JSON.parse(key.modelsJson) as string[]) : null, rpm: key.rpm, tpm: key.tpm, maxInFlight: key.maxInFlight },
    };
  }

  function candidatesFor(caller: Caller): GatewayCandidate[] {
    return deps.supervisor
      .listRoutes()
      .filter((instance) => canUsePlayground(caller.actor, instance))
      .filter((instance) => caller.key.models === null || caller.key.models.includes(instance.servedModelName ?? instance.modelPath))
      .map((instance) => ({ id: instance.id, name: instance.name, phase: instance.phase, servedModelName: instance.servedModelName, modelPath: instance.modelPath, inFlight: inFlightByInstance.get(instance.id) ?? 0 }));
  }

  function limitError(caller: Caller): GatewayError | null {
    const { key } = caller;
    if (key.maxInFlight !== null && (inFlightByKey.get(key.id) ?? 0) >= key.maxInFlight) {
      return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.maxInFlight} requests in flight at once; wait for one to finish.`, { retryAfterS: 1 });
    }
    const afterRequests = key.rpm === null ? null : requestsPerMinute.retryAfterS(key.id, key.rpm);
    if (afterRequests !== null) return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.rpm} requests per minute.`, { retryAfterS: afterRequests });
    const afterTokens = key.tpm === null ? null : tokensPerMinute.retryAfterS(key.id, key.tpm);
    if (afterTokens !== null) return gatewayError(429, "rate_limit_exceeded", `This key allows ${key.tpm} tokens per minute.`, { retryAfterS: afterTokens });
    return null;
  }

  async function models(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await authenticate(req);
    if ("status" in caller) return sendError(res, caller);
    const names = new Set(candidatesFor(caller).filter((candidate) => candidate.phase === "ready").map((candidate) => candidate.servedModelName ?? candidate.modelPath));
    send(res, 200, { object: "list", data: [...names].sort().map((id) => ({ id, object: "model", created: 0, owned_by: "sglang-console" })) });
  }

  async function forward(req: IncomingMessage, res: ServerResponse, path: ForwardedPath): Promise<void> {
    const caller = await authenticate(req);
    if ("status" in caller) return sendError(res, caller);
    let body: Record<string, unknown>;
    try {
      const parsed = await readJson(req);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return sendError(res, gatewayError(400, "invalid_request", "The body must be a JSON object."));
      body = parsed as Record<string, unknown>;
    } catch (error) {
      return sendError(res, gatewayError(400, "invalid_request", isAppError(error) ? error.userMessage : "The body must be JSON."));
    }
    if (typeof body.model !== "string" || body.model === "") return sendError(res, gatewayError(400, "invalid_request", "Name the model: `model` is required.", { param: "model" }));
    const resolution = resolveModel(body.model, candidatesFor(caller));
    if (resolution.kind === "not_found") return sendError(res, gatewayError(404, "model_not_found", `The model ${body.model} does not exist or you do not have access to it.`, { param: "model" }));
    if (resolution.kind === "starting") return sendError(res, gatewayError(503, "model_starting", `The model ${body.model} is still starting (instance ${resolution.name}); try again shortly.`, { retryAfterS: 10 }));
    if (resolution.kind === "ambiguous") return sendError(res, gatewayError(400, "model_ambiguous", `${body.model} matches several served models: ${resolution.names.join(", ")}. Name one of them.`, { param: "model" }));
    const limited = limitError(caller);
    if (limited) return sendError(res, limited);

    // A key's limits are fixed when it is made: a window is kept only for the keys that have that limit.
    if (caller.key.rpm !== null) requestsPerMinute.add(caller.key.id, 1);
    bump(inFlightByKey, caller.key.id, 1);
    try {
      const usage = await proxyCompletion({ instanceId: resolution.instanceId, path, body, req, res });
      if (usage.prompt + usage.completion > 0) {
        if (caller.key.tpm !== null) tokensPerMinute.add(caller.key.id, usage.prompt + usage.completion);
        record({ userId: caller.actor.id, keyId: caller.key.id, label: caller.key.name, model: usage.model, promptTokens: usage.prompt, completionTokens: usage.completion, estimated: usage.estimated });
      }
    } finally {
      bump(inFlightByKey, caller.key.id, -1);
    }
  }

  function record(entry: UsageEntry): void {
    deps.usage.record(entry);
  }

  /**
   * Sends an OpenAI-style request to one instance with its own key and answers `res` with SGLang's answer: JSON, or
   * its SSE bytes as they arrive. Resolves with the tokens used once the answer is complete (or the client gone).
   */
  async function proxyCompletion(options: { instanceId: string; path: ForwardedPath; body: Record<string, unknown>; req: IncomingMessage; res: ServerResponse }): Promise<CountedUsage> {
    const { instanceId, path, body, res } = options;
    const endpoint = deps.supervisor.endpointOf(instanceId);
    const stream = body.stream === true;
    const clientAskedUsage = (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
    const upstreamBody = { ...body, model: endpoint.model, ...(stream && !clientAskedUsage ? { stream_options: { ...(body.stream_options as object | undefined), include_usage: true } } : {}) };
    const usage: CountedUsage = { model: endpoint.model, prompt: 0, completion: 0, estimated: false };
    const upstream = openRequest(endpoint.baseUrl, `/v1/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify(upstreamBody),
    });
    bump(inFlightByInstance, instanceId, 1);
    let clientGone = false;
    res.once("close", () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.abort();
    });
    try {
      const answer = await upstream.answer;
      const status = answer.statusCode ?? 502;
      const ok = status >= 200 && status < 300;
      if (!ok || !stream) {
        const text = await readText(answer);
        const parsed = parseJson(text);
        if (!ok) {
          send(res, status, toOpenAiErrorBody(parsed ?? text, status));
          return usage;
        }
        const counted = (parsed as { usage?: { prompt_tokens?: number; completion_tokens?: number } } | null)?.usage;
        usage.prompt = counted?.prompt_tokens ?? 0;
        usage.completion = counted?.completion_tokens ?? 0;
        res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) }).end(text);
        return usage;
      }
      await pipeStream(answer, res, { strip: !clientAskedUsage, usage });
      return usage;
    } catch (error) {
      if (clientGone) return usage;
      deps.log(`gateway: ${path} on instance ${instanceId}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendError(res, gatewayError(502, "upstream_unreachable", "The model server did not answer; it may have stopped. Try again."));
      else if (!res.writableEnded) res.end(BROKEN_STREAM_TAIL);
      return usage;
    } finally {
      bump(inFlightByInstance, instanceId, -1);
    }
  }


  /** True when `req` was a gateway request (and is being answered). */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path !== "/v1" && !path.startsWith("/v1/")) return false;
    if (req.method === "GET" && path === "/v1/models") void models(req, res).catch((error: unknown) => fail(res, error));
    else if (req.method === "POST" && path in FORWARDED) void forward(req, res, FORWARDED[path as keyof typeof FORWARDED]).catch((error: unknown) => fail(res, error));
    else sendError(res, gatewayError(404, "not_found", `${req.method} ${path} is not served here: the console forwards GET /v1/models, POST /v1/chat/completions and POST /v1/completions.`));
    return true;
  }

  return { handle, proxyCompletion, record };

  function fail(res: ServerResponse, error: unknown): void {
    deps.log(`gateway: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) sendError(res, gatewayError(500, "internal", "Something went wrong inside the console; its log has the details."));
    else res.end();
  }
}

async function readText(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type Gateway = ReturnType<typeof createGateway>;
