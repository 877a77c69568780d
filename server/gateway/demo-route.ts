// A visitor's chat through a demo link: no account, only the link's instance, its system prompt, its caps, and tools
// only when the link offers tool calling. Answered
// by the custom server like the gateway (SGLang's stream passed through), and counted in Usage under the link's name.
import type { IncomingMessage, ServerResponse } from "node:http";
import { demoChatSchema, demoLinkUnavailable, demoToolCallingRefusal } from "../../lib/demo-links";
import { gatewayError, type GatewayError } from "../../lib/gateway/openai-error";
import { RateWindow } from "../../lib/gateway/rate-window";
import { isAppError } from "../../lib/errors";
import { readJson } from "../http/read-json";
import type { Supervisor } from "../supervisor/supervisor";
import type { DemoLinkService } from "./demo-links";
import type { GatewayControl } from "./gateway-control";
import { proxyCompletion } from "./proxy-completion";

const DEMO_CHAT_PATH = /^\/api\/demo\/(?<token>[A-Za-z0-9_-]{10,100})\/chat$/;
const DEFAULT_MAX_TOKENS = 1024;

function sendError(res: ServerResponse, error: GatewayError): void {
  const text = JSON.stringify(error.body);
  res.writeHead(error.status, { "content-type": "application/json", ...(error.retryAfterS ? { "retry-after": String(error.retryAfterS) } : {}) }).end(text);
}

export function createDemoRoute(deps: { links: DemoLinkService; supervisor: Supervisor; control: GatewayControl; log: (message: string) => void }) {
  const requestsPerMinute = new RateWindow();

  async function chat(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const link = await deps.links.findByToken(token);
    if (!link) return sendError(res, gatewayError(404, "demo_link_not_found", "This demo link does not exist."));
    const unavailable = demoLinkUnavailable(link);
    if (unavailable) return sendError(res, gatewayError(410, "demo_link_unavailable", unavailable));
    let input;
    try {
      const parsed = demoChatSchema.safeParse(await readJson(req));
      if (!parsed.success) return sendError(res, gatewayError(400, "invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")));
      input = parsed.data;
    } catch (error) {
      return sendError(res, gatewayError(400, "invalid_request", isAppError(error) ? error.userMessage : "The body must be JSON."));
    }
    const refusal = demoToolCallingRefusal(input, link.tabs);
    if (refusal) return sendError(res, gatewayError(403, "tool_calling_not_allowed", refusal, { param: "tools" }));
    const instance = deps.supervisor.get(link.instanceId);
    if (!instance || instance.phase !== "ready") return sendError(res, gatewayError(503, "model_unavailable", "The model behind this demo is not running right now; try again later.", { retryAfterS: 30 }));
    const retryAfterS = link.rpm === null ? null : requestsPerMinute.retryAfterS(link.id, link.rpm);
    if (retryAfterS !== null) return sendError(res, gatewayError(429, "rate_limit_exceeded", `This demo allows ${link.rpm} requests per minute; wait a moment.`, { retryAfterS }));
    requestsPerMinute.add(link.id, 1);
    const remaining = link.maxTokens === null ? Number.POSITIVE_INFINITY : link.maxTokens - link.usedTokens;
    const body = {
      model: instance.servedModelName ?? instance.modelPath,
      messages: [...(link.systemPrompt ? [{ role: "system", content: link.systemPrompt }] : []), ...input.messages],
      max_tokens: Math.max(1, Math.min(input.maxTokens ?? DEFAULT_MAX_TOKENS, remaining)),
      ...(input.tools ? { tools: input.tools } : {}),
      ...(input.tool_choice ? { tool_choice: input.tool_choice } : {}),
      stream: true,
    };
    const release = deps.control.hold(instance.id);
    const usage = await proxyCompletion({ endpoint: deps.supervisor.endpointOf(instance.id), path: "chat/completions", body, res, log: deps.log }).finally(release);
    const tokens = usage.prompt + usage.completion;
    if (tokens > 0) {
      await deps.links.addUsedTokens(link.id, tokens);
      deps.control.record({ userId: link.createdBy, keyId: `demo:${link.id}`, label: `demo: ${link.name}`, model: usage.model, promptTokens: usage.prompt, completionTokens: usage.completion, estimated: usage.estimated });
    }
  }

  /** True when `req` was a demo chat (and is being answered). */
  return function handleDemo(req: IncomingMessage, res: ServerResponse): boolean {
    const match = req.method === "POST" ? DEMO_CHAT_PATH.exec((req.url ?? "/").split("?")[0]!) : null;
    if (!match) return false;
    void chat(req, res, match.groups!.token!).catch(() => {
      if (!res.headersSent) sendError(res, gatewayError(500, "internal", "Something went wrong inside the console."));
      else res.end();
    });
    return true;
  };
}
