import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch, takeNodeBody } from "../../server/playground/node-fetch";

// The SDK's fetch: status and headers at once, the body read on demand in whichever way is asked first.
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/empty") {
      res.writeHead(204);
      res.end();
      return;
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-echo-method": req.method ?? "" });
      res.end(JSON.stringify({ got: body, header: req.headers["x-test"] ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path = "/", body = "hello") => nodeFetch(`${base}${path}`, { method: "POST", headers: new Headers({ "x-test": "yes" }), body });

describe("nodeFetch", () => {
  it("sends the method, headers and body, and answers with status and headers", async () => {
    const response = await post();
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-echo-method")).toBe("POST");
    expect(await response.json()).toEqual({ got: "hello", header: "yes" });
  });

  it("reads the body once: text, then any other reader fails and there is nothing left to take", async () => {
    const response = await post();
    expect(JSON.parse(await response.text())).toMatchObject({ got: "hello" });
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toThrow(TypeError);
    expect(takeNodeBody(response)).toBeNull();
  });

  it("gives the body as a web stream when asked, and then not as a Node stream", async () => {
    const response = await post();
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({ got: "hello" });
    expect(takeNodeBody(response)).toBeNull();
  });

  it("hands the body over as the Node stream it came on, once, for piping", async () => {
    const response = await post();
    const incoming = takeNodeBody(response)!;
    expect(incoming).not.toBeNull();
    expect(takeNodeBody(response)).toBeNull();
    let text = "";
    for await (const chunk of incoming) text += chunk;
    expect(JSON.parse(text)).toMatchObject({ got: "hello" });
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("has no body for a 204", async () => {
    const response = await post("/empty");
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("rejects with an AbortError when the signal is aborted before the answer", async () => {
    const controller = new AbortController();
    const pending = nodeFetch(`${base}/`, { method: "POST", body: "x", signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("sends a request again on a new connection when the server closed the pooled one it went out on", async () => {
    // Like uvicorn at the end of its keep-alive timeout: a kept-alive connection is dropped as the next request arrives.
    const seenOnSocket = new WeakMap<object, number>();
    let requests = 0;
    const closing = http.createServer((req, res) => {
      requests += 1;
      const n = (seenOnSocket.get(req.socket) ?? 0) + 1;
      seenOnSocket.set(req.socket, n);
      if (n > 1) return void req.socket.destroy();
      req.resume();
      req.on("end", () => res.end(`answered ${requests}`));
    });
    closing.keepAliveTimeout = 0; // no Keep-Alive header and no timer: the connection stays pooled
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/`;
      expect(await (await nodeFetch(url, { method: "POST", body: "first" })).text()).toBe("answered 1");
      await new Promise((resolve) => setTimeout(resolve, 50)); // the connection goes back to the pool
      expect(await (await nodeFetch(url, { method: "POST", body: "second" })).text()).toBe("answered 3");
      expect(requests).toBe(3); // the second went out twice: on the pooled connection, then on a new one
    } finally {
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });
});
