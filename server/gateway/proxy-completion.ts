// One OpenAI-style request forwarded to one instance with its own key, and SGLang's answer passed back: JSON, or its
// SSE bytes as they arrive. Used by the /v1 gateway (in its own process or the console's) and by demo links.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gatewayError, toOpenAiErrorBody } from "../../lib/gateway/openai-error";
import { openRequest } from "../playground/node-fetch";
import { BROKEN_STREAM_TAIL, pipeStream } from "./pipe-stream";

export type ForwardedPath = "chat/completions" | "completions";

export interface InstanceEndpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

export interface CountedUsage {
  model: string;
  prompt: number;
  completion: number;
  estimated: boolean;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers }).end(text);
}

/** Answers `res` with the instance's answer to `body`; resolves with the tokens used once it is complete (or the client gone). */
export async function proxyCompletion(options: { endpoint: InstanceEndpoint; path: ForwardedPath; body: Record<string, unknown>; res: ServerResponse; log: (message: string) => void }): Promise<CountedUsage> {
  const { endpoint, path, body, res } = options;
  const stream = body.stream === true;
  const clientAskedUsage = (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const upstreamBody = { ...body, model: endpoint.model, ...(stream && !clientAskedUsage ? { stream_options: { ...(body.stream_options as object | undefined), include_usage: true } } : {}) };
  const usage: CountedUsage = { model: endpoint.model, prompt: 0, completion: 0, estimated: false };
  const upstream = openRequest(endpoint.baseUrl, `/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
    body: JSON.stringify(upstreamBody),
  });
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
        sendJson(res, status, toOpenAiErrorBody(parsed ?? text, status));
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
    options.log(`gateway: ${path} on ${endpoint.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    const unreachable = gatewayError(502, "upstream_unreachable", "The model server did not answer; it may have stopped. Try again.");
    if (!res.headersSent) sendJson(res, unreachable.status, unreachable.body);
    else if (!res.writableEnded) res.end(BROKEN_STREAM_TAIL);
    return usage;
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
