import type { IncomingMessage, ServerResponse } from "node:http";
import { gatewayError } from "../../lib/gateway/openai-error";
import { createUsageFilter } from "../../lib/gateway/usage-filter";
import { IdleTimer } from "../http/idle-timer";
import { SSE_HEADERS, STREAM_IDLE_TIMEOUT_MS } from "../http/sse";

/** The stream's end as the client sees it when SGLang's broke off: an OpenAI-shaped error event, then [DONE]. */
export const BROKEN_STREAM_TAIL = `\n\ndata: ${JSON.stringify(gatewayError(502, "upstream_unreachable", "The model server's stream broke off.").body)}\n\ndata: [DONE]\n\n`;

/** SGLang's SSE bytes to the client as they come, reading `usage` on the way (and dropping the chunk we asked for). */
export function pipeStream(source: IncomingMessage, res: ServerResponse, options: { strip: boolean; usage: { prompt: number; completion: number; estimated: boolean } }): Promise<void> {
  const filter = createUsageFilter({ stripUsageChunk: options.strip });
  res.writeHead(200, SSE_HEADERS);
  return new Promise<void>((resolve) => {
    const idle = new IdleTimer(STREAM_IDLE_TIMEOUT_MS, () => source.destroy(new Error(`nothing for ${STREAM_IDLE_TIMEOUT_MS / 1000} s`)));
    const settle = (broken: boolean) => {
      idle.stop();
      const counted = filter.usage();
      options.usage.prompt = counted?.promptTokens ?? 0;
      // Without SGLang's count (the stream was cut short), each event but the role chunk and [DONE] is about a token.
      options.usage.completion = counted?.completionTokens ?? Math.max(0, filter.events() - 2);
      options.usage.estimated = counted === null;
      if (!res.writableEnded && !res.destroyed) {
        const rest = filter.end();
        if (broken) res.end(Buffer.concat([rest, Buffer.from(BROKEN_STREAM_TAIL)]));
        else res.end(rest);
      }
      resolve();
    };
    source.on("data", (chunk: Buffer) => {
      idle.touch();
      const out = filter.push(chunk);
      if (out.length === 0) return;
      // Corked around the one write, the chunk goes out now in one writev; uncorked, Node's HTTP response corks the
      // socket itself and flushes on the next tick, a scheduled callback more per token.
      res.cork();
      const flowing = res.write(out);
      res.uncork();
      if (!flowing) {
        // A client reading slower than SGLang writes: SGLang waits rather than the console holding its tokens.
        source.pause();
        res.once("drain", () => source.resume());
      }
    });
    source.once("end", () => settle(false));
    source.once("error", () => settle(true));
    source.once("close", () => {
      if (!source.readableEnded) settle(true);
    });
    res.once("close", () => {
      if (!source.readableEnded) source.destroy();
    });
  });
}
