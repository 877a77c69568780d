import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForReady } from "@/server/supervisor/readiness";
import { Wakeup } from "@/server/supervisor/sleep";

// A server whose /health answers 503 until `up` is set, then 200, as SGLang's does around its ready line.
let up = false;
let healthRequests = 0;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/health") {
      healthRequests++;
      response.writeHead(up ? 200 : 503).end();
    } else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: "m" }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => server.close());

describe("readiness woken by the output", () => {
  it("probes at once when woken (the ready line was printed), not at the next poll", async () => {
    const wakeup = new Wakeup();
    const started = Date.now();
    const result = waitForReady({ baseUrl, apiKey: null, intervalMs: 10_000, timeoutMs: 30_000, isAlive: () => true, signal: new AbortController().signal, wakeup });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(healthRequests).toBe(1);
    up = true;
    wakeup.wake();
    expect(await result).toEqual({ ready: true, servedModelName: "m" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("probes again at once when woken while a probe was in flight", async () => {
    const wakeup = new Wakeup();
    const started = Date.now();
    let polls = 0;
    await new Promise<void>((resolve) => {
      const isAlive = () => {
        polls++;
        // Woken during the first probe (the line arrives while it waits for its answer).
        if (polls === 1) wakeup.wake();
        if (polls < 2) return true;
        resolve();
        return false;
      };
      void waitForReady({ baseUrl: "http://127.0.0.1:9", apiKey: null, intervalMs: 10_000, timeoutMs: 30_000, isAlive, signal: new AbortController().signal, wakeup });
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
