import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { promisify } from "node:util";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOOLS_REFUSED } from "../../lib/demo-links";
import type { InstanceView } from "../../lib/instance-view";
import { StreamAccumulator, type StreamChunk } from "../../lib/playground/result";
import { createSseParser } from "../../lib/playground/sse";
import { api, getInstance, glmProfile, instanceApiKey } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { childProcessesMatching, waitFor } from "../support/processes";
import { abortedRequests } from "../support/playground";
import { authedFetch, signedInUser } from "../support/session";

// The seed's four cases through the official openai SDK against the console's /v1 with a personal key, changed
// only in baseURL and apiKey; then what the key and its limits refuse.

const run = promisify(execFile);
let consoleProcess: RunningConsole;
let instance: InstanceView;

const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: { type: "object", properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["location"] },
  },
};

async function createKey(body: Record<string, unknown>, cookie?: string): Promise<string> {
  const response = await authedFetch(`${consoleProcess.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { secret: string }).secret;
}

const client = (apiKey: string) => new OpenAI({ baseURL: `${consoleProcess.url}/v1`, apiKey, maxRetries: 0 });

beforeAll(async () => {
  // 0.2 simulated tokens/s at SGLANG_SIM_SPEED 1000: 200 tokens/s, so a long answer is still streaming when a test needs it.
  consoleProcess = await startConsole({ env: { SGLANG_SIM_TOKENS_PER_S: "0.2" } });
  instance = (await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort()) })).body.instance;
  await waitFor(async () => (await getInstance(consoleProcess.url, instance.id)).phase === "ready", { timeoutMs: 60_000, what: "the instance to be ready" });
  instance = await getInstance(consoleProcess.url, instance.id);
});
afterAll(async () => {
  await consoleProcess?.stop();
});

describe("the OpenAI-compatible endpoint", () => {
  it("runs the seed's completion, chat, streaming and tool-calling cases through the openai SDK with a personal key", async () => {
    const openai = client(await createKey({ name: "seed scripts" }));
    const models = await openai.models.list();
    expect(models.data.map((model) => model.id)).toEqual(["glm-4.7-flash"]);
    const model = models.data[0]!.id;

    const completion = await openai.completions.create({ model: "ZhipuAI/GLM-4.7-Flash", prompt: "The capital of France is", max_tokens: 16 });
    expect(completion.choices[0]!.text.length).toBeGreaterThan(0);
    expect(completion.model).toBe("glm-4.7-flash");

    const chat = await openai.chat.completions.create({ model, messages: [{ role: "user", content: "What is 1+1?" }], max_tokens: 64 });
    expect(chat.choices[0]!.message.content ?? "").not.toBe("");
    expect(chat.usage!.completion_tokens).toBeGreaterThan(0);

    const stream = await openai.chat.completions.create({ model: "GLM-4.7-Flash", messages: [{ role: "user", content: "Count to five." }], max_tokens: 32, stream: true });
    let text = "";
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text.length).toBeGreaterThan(0);
    // The gateway asked SGLang for usage to count it, and the client, which did not ask, never sees that chunk.
    expect(chunks.every((chunk) => chunk.choices.length > 0 && !chunk.usage)).toBe(true);

    const tool = await openai.chat.completions.create({ model, messages: [{ role: "user", content: "What's the weather like in San Francisco?" }], tools: [WEATHER_TOOL], max_tokens: 128 });
    const call = tool.choices[0]!.message.tool_calls?.[0];
    expect(call?.type === "function" ? call.function.name : null).toBe("get_weather");
    expect(tool.choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("passes usage through to a client that asked for it, and records each person's tokens per key and model", async () => {
    const openai = client(await createKey({ name: "usage" }));
    const stream = await openai.chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 8, stream: true, stream_options: { include_usage: true } });
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) usage ??= chunk.usage ?? undefined;
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    await waitFor(async () => {
      const { rows } = (await (await authedFetch(`${consoleProcess.url}/api/usage`)).json()) as { rows: { label: string; completionTokens: number }[] };
      return rows.some((row) => row.label === "usage" && row.completionTokens >= usage!.completion_tokens);
    }, { timeoutMs: 5000, what: "the usage to be recorded" });
  });

  it("works with curl, as any OpenAI client would", async () => {
    const key = await createKey({ name: "curl" });
    const { stdout } = await run("curl", ["-sS", `${consoleProcess.url}/v1/chat/completions`, "-H", "Content-Type: application/json", "-H", `Authorization: Bearer ${key}`, "-d", JSON.stringify({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 8 })]);
    expect((JSON.parse(stdout) as { object: string }).object).toBe("chat.completion");
    const streamed = await run("curl", ["-sSN", `${consoleProcess.url}/v1/completions`, "-H", "Content-Type: application/json", "-H", `Authorization: Bearer ${key}`, "-d", JSON.stringify({ model: "glm-4.7-flash", prompt: "hi", max_tokens: 8, stream: true })]);
    expect(streamed.stdout.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("answers 401 without a key, with a revoked or expired key, and with a session cookie alone", async () => {
    const call = (headers: Record<string, string>) => fetch(`${consoleProcess.url}/v1/models`, { headers });
    expect((await call({})).status).toBe(401);
    expect((await call({ cookie: consoleProcess.cookie })).status).toBe(401);
    const revoked = await createKey({ name: "to revoke" });
    expect((await call({ authorization: `Bearer ${revoked}` })).status).toBe(200);
    const { keys } = (await (await authedFetch(`${consoleProcess.url}/api/keys`)).json()) as { keys: { id: string; name: string }[] };
    await authedFetch(`${consoleProcess.url}/api/keys/${keys.find((key) => key.name === "to revoke")!.id}`, { method: "DELETE" });
    const refused = await call({ authorization: `Bearer ${revoked}` });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
    const expired = await createKey({ name: "expiring", expiresAt: new Date(Date.now() + 1500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await call({ authorization: `Bearer ${expired}` })).status).toBe(401);
    // A key never opens a console route.
    expect((await fetch(`${consoleProcess.url}/api/instances`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
  });

  it("answers 404 model_not_found alike for an unknown model and one outside the key's list", async () => {
    const limited = client(await createKey({ name: "other models only", models: ["some-other-model"] }));
    const outside = await limited.chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    const unknown = await limited.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    for (const error of [outside, unknown]) {
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
    }
  });

  it("answers 429 with Retry-After on each limit: requests per minute, tokens per minute, requests in flight", async () => {
    const body = (max: number) => JSON.stringify({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: max });
    const post = (key: string, max = 4) => fetch(`${consoleProcess.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: body(max) });
    const rpm = await createKey({ name: "rpm", rpm: 2 });
    expect([(await post(rpm)).status, (await post(rpm)).status]).toEqual([200, 200]);
    const third = await post(rpm);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    const tpm = await createKey({ name: "tpm", tpm: 5 });
    expect((await post(tpm, 16)).status).toBe(200);
    expect((await post(tpm)).status).toBe(429);
    const inFlight = await createKey({ name: "in flight", maxInFlight: 1 });
    const slow = post(inFlight, 400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await post(inFlight)).status).toBe(429);
    expect((await slow).status).toBe(200);
  });

  it("aborts the upstream request within a second of the client going away", async () => {
    const key = await createKey({ name: "abort" });
    const sglang = `http://127.0.0.1:${instance.port}`;
    const before = await abortedRequests(sglang, instanceApiKey(consoleProcess.dataDir, instance.id));
    const controller = new AbortController();
    const response = await fetch(`${consoleProcess.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: "glm-4.7-flash", messages: [{ role: "user", content: "write a long story" }], max_tokens: 4000, stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await waitFor(async () => (await abortedRequests(sglang, instanceApiKey(consoleProcess.dataDir, instance.id))) > before, { timeoutMs: 1000, what: "SGLang to see the request aborted" });
  });

  it("keeps the instance's own port closed to requests without its key, and SGLang's other routes unreachable", async () => {
    const direct = await fetch(`http://127.0.0.1:${instance.port}/v1/models`);
    expect(direct.status).toBe(401);
    const key = await createKey({ name: "routes" });
    for (const path of ["/v1/generate", "/generate", "/v1/flush_cache"]) {
      const response = await fetch(`${consoleProcess.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: "{}" });
      expect(response.status, path).toBe(404);
    }
  });

  it("lets a viewer use the endpoint with their own key, and shows each person only their own keys", async () => {
    const viewer = await signedInUser(consoleProcess.url, "viewer");
    const secret = await createKey({ name: "viewer's" }, viewer.cookie);
    const reply = await client(secret).chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 4 });
    expect(reply.choices.length).toBe(1);
    const listed = (await (await fetch(`${consoleProcess.url}/api/keys`, { headers: { cookie: viewer.cookie } })).json()) as { keys: { name: string }[] };
    expect(listed.keys.map((key) => key.name)).toEqual(["viewer's"]);
  });
});

/** The answer an SSE body of chat chunks adds up to, as the playground assembles it. */
function resultOfStream(sse: string) {
  const accumulator = new StreamAccumulator();
  const parser = createSseParser((event) => {
    if (event.data !== "[DONE]") accumulator.add(JSON.parse(event.data) as StreamChunk);
  });
  parser.feed(sse);
  parser.end();
  return accumulator.result();
}

describe("demo links", () => {
  const makeLink = async (body: Record<string, unknown>) => {
    const response = await authedFetch(`${consoleProcess.url}/api/demo-links`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ instanceId: instance.id, ...body }) });
    expect(response.status).toBe(201);
    return (await response.json()) as { token: string; link: { id: string } };
  };
  const chat = (token: string) =>
    fetch(`${consoleProcess.url}/api/demo/${token}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: consoleProcess.url },
      body: JSON.stringify({ messages: [{ role: "user", content: "hello" }], maxTokens: 8 }),
    });

  it("lets a visitor without an account chat within the link's caps, counted under the link's name", async () => {
    const { token } = await makeLink({ name: "visitor demo", systemPrompt: "You are a helpful demo.", maxTokens: 60, rpm: 5 });
    const page = await fetch(`${consoleProcess.url}/demo/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="demo-chat"');
    const answer = await chat(token);
    expect(answer.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await answer.text();
    expect(text).toContain('"content"');
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    await waitFor(async () => {
      const { rows } = (await (await authedFetch(`${consoleProcess.url}/api/usage`)).json()) as { rows: { label: string; completionTokens: number }[] };
      return rows.some((row) => row.label === "demo: visitor demo" && row.completionTokens > 0);
    }, { timeoutMs: 5000, what: "the demo's usage" });
    // The cap of total tokens: once spent, the link says so.
    for (let i = 0; i < 4; i++) await (await chat(token)).text();
    const spent = await chat(token);
    expect(spent.status).toBe(410);
    expect(((await spent.json()) as { error: { message: string } }).error.message).toContain("used all the tokens");
  });

  it("lets a link that offers tool calling pass tools and tool_choice, with its system prompt, and counts the tokens", async () => {
    const { token } = await makeLink({ name: "tools demo", tabs: ["chat", "tools"], systemPrompt: "You are a weather demo." });
    const ask = (messages: unknown[]) =>
      fetch(`${consoleProcess.url}/api/demo/${token}/chat`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: consoleProcess.url },
        body: JSON.stringify({ messages, tools: [WEATHER_TOOL], tool_choice: "auto" }),
      });
    const question = { role: "user", content: "What's the weather like in Paris today?" };
    const answer = await ask([question]);
    expect(answer.status).toBe(200);
    const asked = resultOfStream(await answer.text());
    expect(asked.finishReason).toBe("tool_calls");
    expect(asked.toolCalls.map((call) => call.name)).toEqual(["get_weather"]);
    expect(JSON.parse(asked.toolCalls[0]!.arguments)).toMatchObject({ location: "Paris" });
    const call = { id: "call_demo", type: "function", function: { name: "get_weather", arguments: '{"location":"Paris"}' } };
    const followUp = await ask([question, { role: "assistant", content: null, tool_calls: [call] }, { role: "tool", tool_call_id: "call_demo", content: '{"temperature":22}' }]);
    expect(resultOfStream(await followUp.text()).text).toContain("According to get_weather");
    await waitFor(async () => {
      const { links } = (await (await authedFetch(`${consoleProcess.url}/api/demo-links`)).json()) as { links: { name: string; usedTokens: number }[] };
      return (links.find((link) => link.name === "tools demo")?.usedTokens ?? 0) > 0;
    }, { timeoutMs: 5000, what: "the tool-calling demo's tokens to be counted" });
  });

  it("refuses tools, tool_choice and tool messages on a link without tool calling, saying why", async () => {
    const { token } = await makeLink({ name: "chat-only demo", tabs: ["chat", "streaming"] });
    const bodies = [
      { messages: [{ role: "user", content: "weather?" }], tools: [WEATHER_TOOL] },
      { messages: [{ role: "user", content: "weather?" }], tool_choice: "auto" },
      { messages: [{ role: "user", content: "weather?" }, { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "get_weather", arguments: "{}" } }] }, { role: "tool", tool_call_id: "c", content: "{}" }] },
    ];
    for (const body of bodies) {
      const refused = await fetch(`${consoleProcess.url}/api/demo/${token}/chat`, { method: "POST", headers: { "content-type": "application/json", origin: consoleProcess.url }, body: JSON.stringify(body) });
      expect(refused.status).toBe(403);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("tool_calling_not_allowed");
      expect(error.message).toBe(DEMO_TOOLS_REFUSED);
    }
    expect((await chat(token)).status).toBe(200);
  });

  it("says plainly when a link was revoked or expired, and refuses its chat", async () => {
    const revoked = await makeLink({ name: "revoked demo" });
    expect((await chat(revoked.token)).status).toBe(200);
    await authedFetch(`${consoleProcess.url}/api/demo-links/${revoked.link.id}`, { method: "DELETE" });
    expect((await chat(revoked.token)).status).toBe(410);
    expect(await (await fetch(`${consoleProcess.url}/demo/${revoked.token}`)).text()).toContain("This demo link was revoked by its owner.");
    const expired = await makeLink({ name: "expired demo", expiresAt: new Date(Date.now() + 1000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await chat(expired.token)).status).toBe(410);
    expect(await (await fetch(`${consoleProcess.url}/demo/${expired.token}`)).text()).toContain("This demo link expired");
    expect((await chat("no-such-demo-token")).status).toBe(404);
  });
});

describe("the gateway's own process", () => {
  const gatewayProcesses = () => childProcessesMatching(consoleProcess.process.pid!, "gateway-process");
  /** A chat request on a connection of its own (fetch would reuse one the console itself serves). */
  const chat = (key: string, maxTokens = 4, stream = false) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const body = JSON.stringify({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: maxTokens, stream });
      http
        .request(`${consoleProcess.url}/v1/chat/completions`, { method: "POST", agent: false, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }, resolve)
        .on("error", reject)
        .end(body);
    });
  const statusOf = async (answer: Promise<http.IncomingMessage>) => {
    const response = await answer;
    response.resume();
    return response.statusCode;
  };
  /** What the console's port answers to `parts` written one by one, `gapMs` apart, on one connection. */
  const rawExchange = (parts: string[], gapMs: number, waitMs: number) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(consoleProcess.port, "127.0.0.1");
      let answer = "";
      socket.on("data", (data: Buffer) => (answer += data.toString("latin1")));
      socket.on("error", reject);
      socket.once("connect", async () => {
        for (const part of parts) {
          socket.write(part);
          await new Promise((wait) => setTimeout(wait, gapMs));
        }
        setTimeout(() => {
          socket.destroy();
          resolve(answer);
        }, waitMs);
      });
    });

  it("serves /v1 connections there, and the console's own on the same port, whatever bytes arrive together", async () => {
    const [pid] = gatewayProcesses();
    expect(pid).toBeGreaterThan(0);
    const key = await createKey({ name: "own process" });
    // With the gateway's process stopped, a new /v1 connection waits and a page still answers: /v1 goes there.
    process.kill(pid!, "SIGSTOP");
    try {
      const waiting = statusOf(chat(key));
      const settled = await Promise.race([waiting.then(() => "answered"), new Promise((wait) => setTimeout(() => wait("waiting"), 1000))]);
      expect(settled).toBe("waiting");
      expect((await authedFetch(`${consoleProcess.url}/api/me`)).status).toBe(200);
      process.kill(pid!, "SIGCONT");
      expect(await waiting).toBe(200);
    } finally {
      process.kill(pid!, "SIGCONT");
    }
    // A request line cut in pieces, its body sent later: nothing is lost handing the connection over.
    const body = JSON.stringify({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 4 });
    const head = `/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${consoleProcess.port}\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await rawExchange(["PO", "ST /v", "1", head, body.slice(0, 7), body.slice(7)], 40, 1500);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/"object": ?"chat.completion"/);
  });

  it("sends a kept-alive /v1 connection's request for a console page to a new connection", async () => {
    const key = await createKey({ name: "kept alive" });
    const host = `Host: 127.0.0.1:${consoleProcess.port}\r\n`;
    const answer = await rawExchange([`GET /v1/models HTTP/1.1\r\n${host}Authorization: Bearer ${key}\r\n\r\n`, `GET /api/me?x=1 HTTP/1.1\r\n${host}\r\n`], 300, 700);
    const [, second] = answer.split(/(?=HTTP\/1\.1 )/);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(second).toMatch(/^HTTP\/1\.1 307 /);
    expect(second).toMatch(/\r\nlocation: \/api\/me\?x=1\r\n/i);
    expect(second).toMatch(/\r\nconnection: close\r\n/i);
  });

  it("keeps /v1 answering when its process dies, releases what it held, and starts a new one", async () => {
    const [old] = gatewayProcesses();
    const key = await createKey({ name: "one at a time", maxInFlight: 1 });
    const streaming = await chat(key, 4000, true);
    await new Promise((resolve) => streaming.once("data", resolve));
    const cut = new Promise((resolve) => streaming.once("aborted", () => resolve("aborted")).once("end", () => resolve("ended")));
    process.kill(old!, "SIGKILL");
    expect(await cut).toBe("aborted");
    // The killed process's request no longer counts against the key's one in flight; the console answers meanwhile.
    expect(await statusOf(chat(key))).toBe(200);
    const [fresh] = await waitFor(() => {
      const pids = gatewayProcesses();
      return pids.length === 1 && pids[0] !== old ? pids : null;
    }, { timeoutMs: 5000, what: "a new gateway process" });
    await waitFor(async () => (await statusOf(chat(key))) === 200, { timeoutMs: 5000, what: "/v1 to answer" });
    expect(fresh).not.toBe(old);
    expect(consoleProcess.output()).toMatch(/gateway: its process ended \(SIGKILL\)/);
  });

  it("ends with the console, even one killed with -9", async () => {
    const [pid] = gatewayProcesses();
    consoleProcess.process.kill("SIGKILL");
    await waitFor(() => !fs.existsSync(`/proc/${pid}`) || fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z "), { timeoutMs: 5000, what: "the gateway process to end" });
    // A new console takes the instance over (and stops it after the tests).
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    expect(gatewayProcesses().length).toBe(1);
  });
});
