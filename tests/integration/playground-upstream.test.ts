import http, { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../lib/errors";
import { createSseParser, type SseEvent } from "../../lib/playground/sse";
import { sendPlaygroundRequest } from "../../server/playground/send";
import { streamPlaygroundRequest } from "../../server/playground/stream";
import { freePort } from "../support/console-process";
import { GLM_MODEL, killAll, startSim, waitForHealth, type Sim } from "./simulator/helpers";

// Failures the console cannot cause through its own routes (it always sends the instance's own key).
let sim: Sim;

beforeAll(async () => {
  sim = await startSim(["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash", "--api-key", "right-key"], {});
  await waitForHealth(sim);
});
afterAll(killAll);

/** A response the stream must leave untouched when it fails before SGLang answers. */
function untouchedResponse(): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()));
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.userMessage };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("calls to an instance that fail", () => {
  const body = { model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }] };

  it("a 400 keeps SGLang's own message (its error body is not in the SDK's expected shape)", async () => {
    const endpoint = { baseUrl: sim.base, apiKey: "right-key", model: "glm-4.7-flash" };
    const res = untouchedResponse();
    const failure = await failureOf(streamPlaygroundRequest({ endpoint, kind: "chat", body: { ...body, n: 2 }, signal: new AbortController().signal, res }));
    expect(res.headersSent).toBe(false);
    expect(failure).toEqual({ code: "upstream_bad_request", message: "SGLang rejected the request: n > 1 is not supported when streaming." });
  });

  it("a server that does not answer is upstream_unreachable with its address", async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const failure = await failureOf(sendPlaygroundRequest({ endpoint: { baseUrl, apiKey: null, model: "m" }, kind: "chat", body, signal: new AbortController().signal }));
    expect(failure).toEqual({ code: "upstream_unreachable", message: expect.stringContaining(baseUrl) });
  });

  it("a request cancelled by the browser is request_cancelled, not an internal error", async () => {
    const controller = new AbortController();
    const pending = sendPlaygroundRequest({ endpoint: { baseUrl: sim.base, apiKey: "right-key", model: "glm-4.7-flash" }, kind: "chat", body: { ...body, max_tokens: 2000, ignore_eos: true }, signal: controller.signal });
    controller.abort();
    expect((await failureOf(pending)).code).toBe("request_cancelled");
  });

  it("a wrong API key is upstream_unauthorized, streamed or not, and says where to fix it", async () => {
    const endpoint = { baseUrl: sim.base, apiKey: "wrong-key", model: "glm-4.7-flash" };
    const whole = await failureOf(sendPlaygroundRequest({ endpoint, kind: "chat", body, signal: new AbortController().signal }));
    expect(whole).toEqual({ code: "upstream_unauthorized", message: expect.stringContaining("--api-key") });
    const streamed = await failureOf(streamPlaygroundRequest({ endpoint, kind: "chat", body, signal: new AbortController().signal, res: untouchedResponse() }));
    expect(streamed.code).toBe("upstream_unauthorized");
  });
});

describe("a stream that breaks after SGLang answered", () => {
  /** An upstream that answers with SSE headers and one event, then does `then` to the connection. */
  async function brokenUpstream(then: "reset" | "stall"): Promise<{ baseUrl: string; close: () => void }> {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n`);
        if (then === "reset") setTimeout(() => res.socket?.destroy(), 50);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  /** The console's side: a server whose response is the stream; returns the SSE events a browser reads. */
  async function eventsThroughConsole(baseUrl: string, idleTimeoutMs?: number, locale?: "en" | "zh-CN"): Promise<SseEvent[]> {
    const endpoint = { baseUrl, apiKey: null, model: "m" };
    const server = http.createServer((req, res) => {
      void streamPlaygroundRequest({ endpoint, kind: "chat", body: { model: "m", messages: [] }, signal: new AbortController().signal, res, ...(idleTimeoutMs ? { idleTimeoutMs } : {}), ...(locale ? { locale } : {}) });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      const events: SseEvent[] = [];
      const parser = createSseParser((event) => events.push(event));
      parser.feed(text);
      parser.end();
      return events;
    } finally {
      server.close();
    }
  }

  it("ends with an error event, after the tokens that came, when the instance's connection is reset", async () => {
    const upstream = await brokenUpstream("reset");
    try {
      const events = await eventsThroughConsole(upstream.baseUrl);
      expect(events.map((event) => event.event)).toEqual(["request", "message", "error"]);
      expect(events[1]!.data).toContain('"Hel"');
      expect(JSON.parse(events[2]!.data).error.code).toBe("upstream_unreachable");
    } finally {
      upstream.close();
    }
  });

  it("ends a stream that goes silent with upstream_timeout", async () => {
    const upstream = await brokenUpstream("stall");
    try {
      const events = await eventsThroughConsole(upstream.baseUrl, 300);
      expect(events.map((event) => event.event)).toEqual(["request", "message", "error"]);
      expect(JSON.parse(events[2]!.data).error).toMatchObject({ code: "upstream_timeout", message: expect.stringContaining("nothing for 0.3 s") });
    } finally {
      upstream.close();
    }
  });

  it("words the error event in the reader's language", async () => {
    const upstream = await brokenUpstream("stall");
    try {
      const events = await eventsThroughConsole(upstream.baseUrl, 300, "zh-CN");
      expect(JSON.parse(events[2]!.data).error).toMatchObject({ code: "upstream_timeout", message: expect.stringContaining("0.3 秒内没有收到任何内容") });
    } finally {
      upstream.close();
    }
  });
});
