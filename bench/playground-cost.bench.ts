/**
 * Where the playground proxy's time per request goes. A stand-in for SGLang that answers at once
 * (bench/support/sse-upstream.ts) is called, in bursts of 32 streamed requests (bench/support/
 * burst-client.ts, its own process), through five servers in this process, each adding one step:
 *   bare proxy        pipes bytes, nothing else (the least any hop costs)
 *   route, node:http  the console's parse, zod and request body, then a plain node:http request
 *   route, nodeFetch  the same through the SDK's fetch (server/playground/node-fetch.ts)
 *   route, SDK        the same through the openai SDK, as the console calls it
 *   console route     the console's own route (server/http, server/playground) with stand-in services
 * For each: this process's CPU per request and the median time to the first event at the client, in
 * the same run, three times in rotation, each starting one server later (the first rotation warms up). bench:stream gives the end-to-end figures against a real simulator.
 * Env: BENCH_REQUESTS (per measurement, default 1920), BENCH_ONLY (measure only the servers whose name
 * contains it, for profiling).
 */
import { spawn } from "node:child_process";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseInput } from "../lib/parse-input";
import { buildChatBody, chatRequestSchema } from "../lib/playground/requests";
import { createNodeRouter } from "../server/http/node-route";
import { playgroundRoutes } from "../server/http/playground-routes";
import { nodeFetch, takeNodeBody } from "../server/playground/node-fetch";
import { createPlaygroundService } from "../server/playground/service";
import { clientFor } from "../server/playground/upstream";
import type { Services } from "../server/services";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1920);
const CHAT = { messages: [{ role: "user", content: "Write a long story about a lighthouse." }], params: { max_tokens: 400, temperature: 0, ignore_eos: true }, stream: true };

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (data: Buffer) => (out += data.toString()));
  return new Promise((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited with ${code}`)))));
}

async function readChat(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return { ...buildChatBody(parseInput(chatRequestSchema, JSON.parse(Buffer.concat(chunks).toString("utf8")), "body"), "m"), stream: true };
}

function answer(res: ServerResponse, sent: unknown, body: NodeJS.ReadableStream) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  res.write(`event: request\ndata: ${JSON.stringify(sent)}\n\n`);
  body.pipe(res);
}

async function main() {
  const upstreamPort = 20000 + Math.floor(Math.random() * 20000);
  const upstream = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support/sse-upstream.ts"), String(upstreamPort)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => upstream.stdout.once("data", resolve));
  const base = `http://127.0.0.1:${upstreamPort}`;
  const endpoint = { baseUrl: base, apiKey: null, model: "m" };
  const agent = new http.Agent({ keepAlive: true, timeout: 4000 });
  const services = {
    actorFor: async () => ({ id: "local", role: "admin" }),
    supervisor: { getOrThrow: () => ({ id: "a" }), endpointOf: () => endpoint },
    playground: createPlaygroundService(null as never),
  } as unknown as Services;
  const consoleRoute = createNodeRouter(playgroundRoutes, services);

  const servers: [string, string, string][] = [
    ["bare proxy", await listen((req, res) => {
      const out = http.request(`${base}${req.url}`, { method: req.method, headers: req.headers, agent }, (back) => {
        res.writeHead(back.statusCode ?? 502, back.headers);
        back.pipe(res);
      });
      req.pipe(out);
    }), "/v1/chat/completions"],
    ["route, node:http", await listen(async (req, res) => {
      const sent = await readChat(req);
      const text = JSON.stringify(sent);
      http.request(`${base}/v1/chat/completions`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } }, (back) => answer(res, sent, back)).end(text);
    }), "/chat"],
    ["route, nodeFetch", await listen(async (req, res) => {
      const sent = await readChat(req);
      const back = await nodeFetch(`${base}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sent) });
      answer(res, sent, takeNodeBody(back)!);
    }), "/chat"],
    ["route, SDK", await listen(async (req, res) => {
      const sent = await readChat(req);
      const back = await clientFor(endpoint).chat.completions.create(sent as never).asResponse();
      answer(res, sent, takeNodeBody(back)!);
    }), "/chat"],
    ["console route", await listen((req, res) => void consoleRoute(req, res)), "/api/instances/a/playground/chat"],
  ];

  const client = path.join(__dirname, "support/burst-client.ts");
  const rows: Record<string, string>[] = [];
  const measured = servers.filter(([name]) => name.includes(process.env.BENCH_ONLY ?? ""));
  for (let rotation = 0; rotation < 3; rotation++) {
    // Each rotation starts one server later: the order's own effect (heap state, warm-up) falls on each in turn.
    const order = measured.map((_, i) => measured[(i + rotation) % measured.length]!);
    for (const [name, url, route] of order) {
      const body = route === "/v1/chat/completions" ? JSON.stringify({ model: "m", ...CHAT.params, messages: CHAT.messages, stream: true }) : JSON.stringify(CHAT);
      await runChild([client, `${url}${route}`, body, "320"]); // warm-up: JIT, connections
      const cpu = process.cpuUsage();
      const result = JSON.parse(await runChild([client, `${url}${route}`, body, String(REQUESTS)])) as { medianMs: number; p90Ms: number };
      const used = process.cpuUsage(cpu);
      rows.push({ rotation: String(rotation + 1), server: name, "CPU µs/request": ((used.user + used.system) / REQUESTS).toFixed(0), "first event median ms": result.medianMs.toFixed(1), "p90 ms": result.p90Ms.toFixed(1) });
      console.log(JSON.stringify(rows[rows.length - 1]));
    }
  }
  console.table(rows);
  upstream.kill();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
