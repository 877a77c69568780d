import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { generateCode } from "../../lib/playground/code-gen";
import { StreamAccumulator, type StreamChunk } from "../../lib/playground/result";
import type { UpstreamBody } from "../../lib/playground/requests";
import { GET_WEATHER_TOOL } from "../../lib/playground/tool-schema";
import { api, getInstance, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { abortedRequests, streamEvents } from "../support/playground";
import { waitFor } from "../support/processes";

const run = promisify(execFile);
const API_KEY = "playground-test-key";
let consoleProcess: RunningConsole;
let instance: InstanceView;
let sglangUrl: string;

beforeAll(async () => {
  // 500 tokens/s: an answer takes a fraction of a second, a long stream is long enough to cancel.
  consoleProcess = await startConsole({ env: { SGLANG_SIM_TOKENS_PER_S: "0.5" } });
  const port = await freePort();
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
    profile: glmProfile(port, { flags: { "--api-key": API_KEY, "--context-length": 4096 } }),
  });
  expect(launched.status).toBe(201);
  instance = await waitFor(async () => {
    const view = await getInstance(consoleProcess.url, launched.body.instance.id);
    return view.phase === "ready" ? view : null;
  }, { timeoutMs: 30_000, what: "the instance to be ready" });
  sglangUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await consoleProcess?.stop();
});

const route = (kind: "chat" | "completions") => `${consoleProcess.url}/api/instances/${instance.id}/playground/${kind}`;
const chunksOf = (events: { event: string; data: string }[]) =>
  events.filter((e) => e.event === "message" && e.data !== "[DONE]").map((e) => JSON.parse(e.data) as StreamChunk);

describe("playground routes", () => {
  it("streams a chat as SSE: the exact request first, then SGLang's chunks (reasoning apart), usage, then [DONE]", async () => {
    const { status, events } = await streamEvents(route("chat"), {
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is the capital of France?" }],
      params: { max_tokens: 200, top_k: 20 },
      stream: true,
    });
    expect(status).toBe(200);
    expect(events[0]!.event).toBe("request");
    expect(JSON.parse(events[0]!.data)).toMatchObject({ model: "glm-4.7-flash", top_k: 20, max_tokens: 200, stream: true, stream_options: { include_usage: true } });
    expect(events.at(-1)!.data).toBe("[DONE]");
    const accumulator = new StreamAccumulator();
    for (const chunk of chunksOf(events)) accumulator.add(chunk);
    const result = accumulator.result();
    expect(result.reasoning.length).toBeGreaterThan(0);
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe("stop");
    expect(result.usage!.completion_tokens).toBeGreaterThan(0);
  });

  it("answers a non-streamed completion with the exact request, SGLang's response, finish reason and usage", async () => {
    const reply = await api<{ request: UpstreamBody; response: { choices: { text: string; finish_reason: string }[]; usage: { completion_tokens: number } } }>(
      consoleProcess.url, "POST", `/api/instances/${instance.id}/playground/completions`, { prompt: "The capital of France is", params: { max_tokens: 5 } },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.request).toEqual({ model: "glm-4.7-flash", prompt: "The capital of France is", max_tokens: 5 });
    expect(reply.body.response.choices[0]).toMatchObject({ finish_reason: "length" });
    expect(reply.body.response.usage.completion_tokens).toBe(5);
  });

  it("cancelling a stream aborts the upstream request: the simulator counts it as aborted", async () => {
    const before = await abortedRequests(sglangUrl, API_KEY);
    const controller = new AbortController();
    let chunks = 0;
    const done = streamEvents(route("chat"), { messages: [{ role: "user", content: "Write a long story" }], params: { max_tokens: 3000, ignore_eos: true }, stream: true }, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.event === "message" && ++chunks === 20) controller.abort();
      },
    });
    await done.catch(() => undefined);
    expect(chunks).toBeGreaterThanOrEqual(20);
    await waitFor(async () => (await abortedRequests(sglangUrl, API_KEY)) > before, { timeoutMs: 10_000, what: "the simulator to count the aborted request" });
  });

  it("streams a tool call whose deltas assemble to get_weather with its arguments, then answers the tool's result", async () => {
    const ask = { role: "user", content: "What's the weather like in San Francisco today?" };
    const first = await streamEvents(route("chat"), { messages: [ask], tools: [GET_WEATHER_TOOL], toolChoice: "auto", stream: true });
    const accumulator = new StreamAccumulator();
    const chunks = chunksOf(first.events);
    for (const chunk of chunks) accumulator.add(chunk);
    const result = accumulator.result();
    expect(chunks.filter((c) => c.choices?.[0]?.delta?.tool_calls).length).toBeGreaterThan(2);
    expect(result.finishReason).toBe("tool_calls");
    expect(result.toolCalls).toHaveLength(1);
    const call = result.toolCalls[0]!;
    expect(call.name).toBe("get_weather");
    expect(JSON.parse(call.arguments)).toMatchObject({ location: "San Francisco" });
    const second = await streamEvents(route("chat"), {
      messages: [
        ask,
        { role: "assistant", content: null, tool_calls: [{ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }] },
        { role: "tool", tool_call_id: call.id, content: '{"temperature": 18, "unit": "celsius"}' },
      ],
      tools: [GET_WEATHER_TOOL],
      stream: true,
    });
    const answer = new StreamAccumulator();
    for (const chunk of chunksOf(second.events)) answer.add(chunk);
    expect(answer.result().text).toContain("18");
    expect(answer.result().finishReason).toBe("stop");
  });

  it("reports SGLang's 400 message, a context-length overflow, a bad body and a not-ready instance as what they are", async () => {
    const tooLong = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", `/api/instances/${instance.id}/playground/completions`, {
      prompt: "word ".repeat(5000),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: "context_length_exceeded" });
    expect(tooLong.body.error.message).toContain("is longer than the model's context length (4096 tokens)");
    const streamedTooLong = await streamEvents(route("chat"), { messages: [{ role: "user", content: "hi" }], params: { max_tokens: 5000 }, stream: true });
    expect(streamedTooLong.status).toBe(400);
    expect(streamedTooLong.error).toMatchObject({ error: { code: "context_length_exceeded" } });
    const badTools = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", `/api/instances/${instance.id}/playground/chat`, {
      messages: [{ role: "user", content: "hi" }],
      params: { temperature: 5 },
    });
    expect(badTools.status).toBe(400);
    expect(badTools.body.error.message).toContain("params.temperature");

    const stoppedPort = await freePort();
    const other = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(stoppedPort, { name: "stopped one", gpuIds: [1] }) });
    await api(consoleProcess.url, "POST", `/api/instances/${other.body.instance.id}/stop`);
    const notReady = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", `/api/instances/${other.body.instance.id}/playground/chat`, {
      messages: [{ role: "user", content: "hi" }],
    });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe("instance_not_ready");
  });
});

describe("view code runs as is", () => {
  const dir = path.join(PROJECT_ROOT, "test-results", "generated-code");
  const body: UpstreamBody = {
    model: "glm-4.7-flash",
    messages: [{ role: "user", content: "What's the capital of France?" }],
    max_tokens: 100,
    top_k: 20,
    chat_template_kwargs: { enable_thinking: false },
  };
  const env = () => ({ ...process.env, SGLANG_API_KEY: API_KEY });

  it("the generated TypeScript (openai SDK, run with tsx) gets an answer from the instance, streamed and whole", async () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const stream of [false, true]) {
      const file = path.join(dir, `request-${stream ? "stream" : "whole"}.mts`);
      const requestBody = stream ? { ...body, stream: true, stream_options: { include_usage: true } } : body;
      fs.writeFileSync(file, generateCode("typescript", { kind: "chat", body: requestBody, baseUrl: sglangUrl }));
      const { stdout } = await run(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), [file], { cwd: PROJECT_ROOT, env: env(), timeout: 30_000 });
      expect(stdout).toMatch(/[A-Za-z]{3,}/);
      expect(stdout).toContain(stream ? '"completion_tokens"' : "stop");
    }
  });

  it("the generated curl gets an answer with $SGLANG_API_KEY set, and SGLang's 401 without it", async () => {
    const code = generateCode("curl", { kind: "completions", body: { model: "glm-4.7-flash", prompt: "It's a test", max_tokens: 4 }, baseUrl: sglangUrl });
    // The test runs its own generated artifact with bash; the console itself never runs a shell.
    const ok = await run("bash", ["-c", code], { env: env(), timeout: 30_000 });
    expect(JSON.parse(ok.stdout)).toMatchObject({ object: "text_completion", choices: [{ finish_reason: "length" }], usage: { completion_tokens: 4 } });
    const refused = await run("bash", ["-c", code], { env: { ...process.env, SGLANG_API_KEY: "wrong" }, timeout: 30_000 });
    expect(refused.stdout).toContain("Unauthorized");
  });
});
