import http from "node:http";
import net from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLM_MODEL, killAll, readSse, startSim, waitForHealth, waitUntil, type Sim } from "./helpers";

const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Get the current weather in a location",
    parameters: {
      type: "object",
      properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["location", "unit"],
    },
  },
};
const ASK_WEATHER = [{ role: "user" as const, content: "What's the weather like in San Francisco today?" }];

let sim: Sim;
let client: OpenAI;

beforeAll(async () => {
  sim = await startSim(
    ["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash", "--reasoning-parser", "glm45",
      "--tool-call-parser", "glm47", "--enable-metrics", "--context-length", "4096", "--log-requests"],
    { SGLANG_SIM_TOKENS_PER_S: "50" },
  );
  await waitForHealth(sim);
  client = new OpenAI({ baseURL: `${sim.base}/v1`, apiKey: "none" });
});
afterAll(killAll);

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sim.base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("simulator HTTP API", () => {
  it("answers /health 200 after ready and /health_generate 200", async () => {
    expect((await fetch(`${sim.base}/health`)).status).toBe(200);
    expect((await fetch(`${sim.base}/health_generate`)).status).toBe(200);
  });

  it("lists the served model on /v1/models with max_model_len", async () => {
    const body = await (await fetch(`${sim.base}/v1/models`)).json();
    expect(body.object).toBe("list");
    expect(body.data[0]).toMatchObject({ id: "glm-4.7-flash", object: "model", owned_by: "sglang", max_model_len: 4096 });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["glm-4.7-flash"]);
  });

  it("reports the model on /get_model_info and /model_info, the server on /get_server_info and /server_info", async () => {
    for (const path of ["/get_model_info", "/model_info"]) {
      const info = await (await fetch(`${sim.base}${path}`)).json();
      expect(info).toMatchObject({ model_path: GLM_MODEL, tokenizer_path: GLM_MODEL, is_generation: true });
    }
    for (const path of ["/get_server_info", "/server_info"]) {
      const info = await (await fetch(`${sim.base}${path}`)).json();
      expect(info).toMatchObject({ tp_size: 1, served_model_name: "glm-4.7-flash", reasoning_parser: "glm45", port: sim.port });
      expect(typeof info.max_total_num_tokens).toBe("number");
      expect(typeof info.sim_aborted_requests).toBe("number");
    }
  });

  it("warns on each call of the deprecated get_ aliases, as SGLang does, and not on /model_info or /server_info", async () => {
    const deprecation = /\] Endpoint '\/get_(model|server)_info' is deprecated and will be removed in a future version\. Please use '\/\1_info' instead\./g;
    const warnings = () => sim.output().match(deprecation)?.length ?? 0;
    const before = warnings();
    await fetch(`${sim.base}/model_info`);
    await fetch(`${sim.base}/server_info`);
    await fetch(`${sim.base}/get_model_info`);
    await fetch(`${sim.base}/get_server_info`);
    await waitUntil(() => warnings() >= before + 2);
    expect(warnings()).toBe(before + 2);
  });

  it("returns an OpenAI chat completion with reasoning_content, usage, matched_stop and metadata", async () => {
    const res = await client.chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "Say hello" }] });
    const choice = res.choices[0] as any;
    expect(res.object).toBe("chat.completion");
    expect(choice.finish_reason).toBe("stop");
    expect(choice.message.content.length).toBeGreaterThan(0);
    expect(choice.message.reasoning_content.length).toBeGreaterThan(0);
    expect(choice.message.content).not.toContain("<think>");
    expect(choice.matched_stop).toBe(154820);
    expect((res as any).metadata).toEqual({ weight_version: "default" });
    expect(res.usage!.total_tokens).toBe(res.usage!.prompt_tokens + res.usage!.completion_tokens);
  });

  it("is deterministic: the same request gives the same text", async () => {
    const req = { model: "x", messages: [{ role: "user" as const, content: "Tell me about rivers" }] };
    const a = await client.chat.completions.create(req);
    const b = await client.chat.completions.create(req);
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
  });

  it("turns reasoning off with chat_template_kwargs enable_thinking false", async () => {
    const res: any = await client.chat.completions.create({
      model: "x", messages: [{ role: "user", content: "Say hello" }], chat_template_kwargs: { enable_thinking: false },
    } as any);
    expect(res.choices[0]!.message.reasoning_content).toBeNull();
    expect(res.usage.reasoning_tokens).toBe(0);
  });

  it("honours max_tokens with finish_reason length and stop strings with matched_stop", async () => {
    const short = await client.chat.completions.create({ model: "x", messages: [{ role: "user", content: "Go" }], max_tokens: 3 });
    expect(short.choices[0]!.finish_reason).toBe("length");
    expect(short.usage!.completion_tokens).toBe(3);
    const full = await client.completions.create({ model: "x", prompt: "Once upon a time", max_tokens: 40 });
    const word = full.choices[0]!.text.trim().split(/\s+/)[3]!;
    const stopped: any = await client.completions.create({ model: "x", prompt: "Once upon a time", max_tokens: 40, stop: [word] });
    expect(stopped.choices[0]!.finish_reason).toBe("stop");
    expect(stopped.choices[0]!.matched_stop).toBe(word);
    expect(stopped.choices[0]!.text).not.toContain(word);
  });

  it("streams chat deltas through the openai SDK: reasoning first, then content, then usage", async () => {
    const stream = await client.chat.completions.create({
      model: "x", messages: [{ role: "user", content: "Say hello" }], stream: true, stream_options: { include_usage: true },
    });
    const kinds: string[] = [];
    let content = "";
    let usage: any = null;
    let finish: string | null = null;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice: any = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.reasoning_content) kinds.push("r");
      if (choice.delta.content) {
        kinds.push("c");
        content += choice.delta.content;
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    expect(kinds.join("")).toMatch(/^r+c+$/);
    expect(finish).toBe("stop");
    expect(usage.completion_tokens).toBe(kinds.length + 2); // <think> and </think> count too
    const plain = await client.chat.completions.create({ model: "x", messages: [{ role: "user", content: "Say hello" }] });
    expect(content).toBe(plain.choices[0]!.message.content);
  });

  it("streams raw SSE: data: {json} chunks, a final usage chunk with empty choices, then data: [DONE]", async () => {
    const res = await post("/v1/chat/completions", {
      model: "x", messages: [{ role: "user", content: "hi" }], stream: true, max_tokens: 5, stream_options: { include_usage: true },
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks[0].choices[0]!.delta.role).toBe("assistant");
    for (const c of chunks) expect(c.object).toBe("chat.completion.chunk");
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ completion_tokens: 5, prompt_tokens: expect.any(Number) });
    expect(chunks.at(-2).choices[0]!.finish_reason).toBe("length");
  });

  it("returns tool_calls with JSON arguments taken from the schema and the message, content \"\" and matched_stop null", async () => {
    const res = await client.chat.completions.create({ model: "x", messages: ASK_WEATHER, tools: [WEATHER_TOOL] });
    const choice: any = res.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBe("");
    expect(choice.matched_stop).toBeNull();
    const call: any = choice.message.tool_calls![0];
    expect(call.id).toMatch(/^call_/);
    expect(call.type).toBe("function");
    expect(call.index).toBe(0);
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ location: "San Francisco", unit: "celsius" });
  });

  it("streams a tool call as the name first and the arguments in several fragments, each with an index", async () => {
    const stream = await client.chat.completions.create({ model: "x", messages: ASK_WEATHER, tools: [WEATHER_TOOL], stream: true });
    const deltas: any[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.tool_calls) deltas.push(...choice.delta.tool_calls);
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    expect(finish).toBe("tool_calls");
    expect(deltas[0].function.name).toBe("get_weather");
    expect(deltas[0].id).toMatch(/^call_/);
    expect(deltas.length).toBeGreaterThan(2);
    for (const d of deltas) expect(d.index).toBe(0);
    const args = deltas.map((d) => d.function.arguments ?? "").join("");
    expect(JSON.parse(args)).toEqual({ location: "San Francisco", unit: "celsius" });
  });

  it("answers in text when the last message is a tool result", async () => {
    const res = await client.chat.completions.create({
      model: "x", tools: [WEATHER_TOOL],
      messages: [
        ...ASK_WEATHER,
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_1", content: "Sunny, 21 degrees" },
      ],
    });
    expect(res.choices[0]!.finish_reason).toBe("stop");
    expect(res.choices[0]!.message.content).toContain("Sunny, 21 degrees");
  });

  it("serves /v1/completions (plain and streamed) and native /generate", async () => {
    const res = await client.completions.create({ model: "x", prompt: "The sky is", max_tokens: 8 });
    expect(res.object).toBe("text_completion");
    expect(res.usage!.completion_tokens).toBe(8);
    const events = await readSse(await post("/v1/completions", { prompt: "The sky is", max_tokens: 8, stream: true }));
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.map((c) => c.choices[0].text).join("")).toBe(res.choices[0]!.text);
    // The finish reason rides on the last text chunk, as serving_completions.py sends it.
    expect(chunks).toHaveLength(8);
    expect(chunks.at(-1).choices[0]).toMatchObject({ text: expect.stringMatching(/\S/), finish_reason: "length" });
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
    const gen = await (await post("/generate", { text: "The sky is", sampling_params: { max_new_tokens: 4 } })).json();
    expect(gen.meta_info).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, finish_reason: { type: "length", length: 4 } });
  });

  it("answers errors as SGLang's JSON: invalid JSON, missing messages, prompt and request too long", async () => {
    const bad = await post("/v1/chat/completions", "{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ object: "error", type: "BadRequestError", param: null, code: 400 });
    const missing = await (await post("/v1/chat/completions", { model: "x" })).json();
    expect(missing.message).toContain("messages\n  Field required");
    const long = await (await post("/v1/chat/completions", { messages: [{ role: "user", content: "word ".repeat(5000) }] })).json();
    expect(long.message).toMatch(/^The input \(\d+ tokens\) is longer than the model's context length \(4096 tokens\)\.$/);
    const total = await (await post("/v1/chat/completions", { messages: [{ role: "user", content: "hi" }], max_tokens: 5000 })).json();
    expect(total.message).toMatch(/^Requested token count exceeds the model's maximum context length of 4096 tokens\. You requested a total of \d+ tokens/);
    await expect(client.chat.completions.create({ model: "x", messages: [{ role: "user", content: "hi" }], max_tokens: 5000 })).rejects.toThrow(/400/);
    for (const [path, body] of [["/v1/chat/completions", { messages: [{ role: "user", content: "hi" }] }], ["/v1/completions", { prompt: "hi" }]] as const) {
      for (const max_tokens of [0, -1]) {
        const refused = await post(path, { ...body, max_tokens });
        expect(refused.status, `${path} max_tokens ${max_tokens}`).toBe(400);
        expect(await refused.json()).toMatchObject({ object: "error", type: "BadRequestError", message: expect.stringContaining("max_tokens") });
      }
    }
  });

  it("exposes Prometheus metrics with SGLang's names that follow the served load", async () => {
    const before = await (await fetch(`${sim.base}/metrics`)).text();
    const count = (text: string, name: string) => Number(new RegExp(`^${name}\\{model_name="glm-4.7-flash"\\} ([\\d.e+]+)$`, "m").exec(text)![1]);
    await client.completions.create({ model: "x", prompt: "one two three", max_tokens: 7 });
    const after = await (await fetch(`${sim.base}/metrics`)).text();
    for (const name of ["sglang:num_running_reqs", "sglang:num_queue_reqs", "sglang:token_usage", "sglang:gen_throughput", "sglang:cache_hit_rate"]) {
      expect(after).toMatch(new RegExp(`^# TYPE ${name} gauge$`, "m"));
    }
    expect(count(after, "sglang:generation_tokens_total") - count(before, "sglang:generation_tokens_total")).toBe(7);
    expect(count(after, "sglang:prompt_tokens_total") - count(before, "sglang:prompt_tokens_total")).toBe(3);
    for (const h of ["sglang:inter_token_latency_seconds", "sglang:e2e_request_latency_seconds"]) {
      expect(after).toMatch(new RegExp(`^${h}_bucket\\{le="\\+Inf",model_name="glm-4.7-flash"\\} `, "m"));
      expect(after).toContain(`${h}_count{model_name="glm-4.7-flash"}`);
    }
    // TTFT: SGLang's buckets (up to 400 s) and its is_streaming label, one series per value seen.
    const ttftBounds = [...after.matchAll(/^sglang:time_to_first_token_seconds_bucket\{le="([^"]+)",model_name="glm-4.7-flash",is_streaming="false"\} /gm)].map((m) => m[1]);
    expect(ttftBounds).toEqual(["0.1", "0.2", "0.4", "0.6", "0.8", "1.0", "2.0", "4.0", "6.0", "8.0", "10.0", "20.0", "40.0", "60.0", "80.0", "100.0", "200.0", "400.0", "+Inf"]);
    expect(after).toContain('sglang:time_to_first_token_seconds_count{model_name="glm-4.7-flash",is_streaming="true"}');
    expect(after).toMatch(/^sglang:e2e_request_latency_seconds_bucket\{le="2400\.0",/m);
  });

  it("prints batch lines and access lines while serving, and the request with --log-requests", async () => {
    await client.completions.create({ model: "x", prompt: "log me please", max_tokens: 45 });
    await sim.waitFor(/Decode batch, #running-req: 1, #token: \d+, token usage: [\d.]+, cuda graph: True, gen throughput \(token\/s\): [\d.]+, #queue-req: 0, /);
    expect(sim.output()).toMatch(/\] Prefill batch, #new-seq: 1, #new-token: \d+, #cached-token: \d+, token usage: [\d.]+, #running-req: \d+, #queue-req: 0, /);
    expect(sim.output()).toMatch(/INFO: {5}127\.0\.0\.1:\d+ - "POST \/v1\/completions HTTP\/1\.1" 200 OK/);
    expect(sim.output()).toContain("Receive: obj=GenerateReqInput(");
  });

  it("counts a client disconnect mid-stream as an aborted request", async () => {
    const info = async () => (await (await fetch(`${sim.base}/server_info`)).json()).sim_aborted_requests as number;
    const before = await info();
    const res = await post("/v1/completions", { prompt: "a long story", max_tokens: 2000, ignore_eos: true, stream: true });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    let after = before;
    const deadline = Date.now() + 10_000;
    while (after === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await info();
    }
    expect(after).toBe(before + 1);
  });
});

describe("simulator connections", () => {
  let fast: Sim;
  beforeAll(async () => {
    // 100,000 tokens/s; kept-alive connections closed after 0.5 s idle (uvicorn's timeout_keep_alive, shortened).
    fast = await startSim(["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash"], { SGLANG_SIM_TOKENS_PER_S: "100", SGLANG_SIM_KEEP_ALIVE_S: "0.5" });
    await waitForHealth(fast, 60_000);
  }, 90_000);

  it("closes a kept-alive connection left idle, like uvicorn, but not one whose answer takes longer", async () => {
    const socket = net.connect(fast.port, "127.0.0.1");
    let tail = "";
    let done = false;
    let answeredAt = 0;
    socket.on("data", (data: Buffer) => {
      tail = (tail + data.toString()).slice(-64);
      done ||= tail.includes("data: [DONE]");
      if (tail.endsWith("0\r\n\r\n")) answeredAt = performance.now();
    });
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(performance.now())));
    const body = JSON.stringify({ model: "x", prompt: "a long story", max_tokens: 80_000, ignore_eos: true, stream: true });
    socket.write(`POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const closedAt = await closed;
    expect(done).toBe(true); // 0.8 s of tokens, longer than the idle timeout, all sent
    expect(answeredAt).toBeGreaterThan(0);
    expect(closedAt - answeredAt).toBeGreaterThan(400);
    expect(closedAt - answeredAt).toBeLessThan(3000);
  });

  it("keeps streaming to every client while one stops reading, and counts that one aborted once it hangs up", async () => {
    const aborted = async () => (await (await fetch(`${fast.base}/get_server_info`)).json()).sim_aborted_requests as number;
    const before = await aborted();
    const body = (maxTokens: number) => JSON.stringify({ model: "x", prompt: "a long story", max_tokens: maxTokens, ignore_eos: true, stream: true });
    const stalled = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(`${fast.base}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" } }, resolve);
      request.on("error", reject);
      request.end(body(150_000));
    });
    stalled.pause();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const started = performance.now();
    const other = await fetch(`${fast.base}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: body(2000), signal: AbortSignal.timeout(10_000) });
    const events = await readSse(other);
    const seconds = (performance.now() - started) / 1000;
    const texts = events.filter((e) => e !== "[DONE]").map((e) => (JSON.parse(e) as { choices: { text: string }[] }).choices[0]?.text);
    expect(texts.filter((text) => text)).toHaveLength(2000);
    expect(seconds).toBeLessThan(5); // 0.02 s of tokens: only a stalled loop would take seconds

    stalled.destroy();
    let after = before;
    for (const deadline = Date.now() + 10_000; after === before && Date.now() < deadline; after = await aborted()) await new Promise((r) => setTimeout(r, 100));
    expect(after).toBe(before + 1);
  }, 90_000);
});

describe("simulator API key", () => {
  let keyed: Sim;
  beforeAll(async () => {
    keyed = await startSim(["--model-path", "zai-org/GLM-4.7-Flash", "--api-key", "sk-test"]);
    await waitForHealth(keyed);
  });

  it("refuses requests without the Bearer key with 401 but leaves /health open", async () => {
    const res = await fetch(`${keyed.base}/v1/models`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Unauthorized" });
    expect((await fetch(`${keyed.base}/health`)).status).toBe(200);
    const ok = await fetch(`${keyed.base}/v1/models`, { headers: { Authorization: "Bearer sk-test" } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data[0]).toMatchObject({ id: "zai-org/GLM-4.7-Flash", max_model_len: 202752 });
  });

  it("answers /metrics 404 when --enable-metrics is off", async () => {
    expect((await fetch(`${keyed.base}/metrics`)).status).toBe(404);
  });
});

describe("simulator batch logging", () => {
  it("prints one Decode batch line per decode interval for the whole running batch, not one per request", async () => {
    // 400 tokens/s at the tests' speed (0.4 × 1000), so an interval of 40 steps is 0.1 s, far longer than the requests' start spread.
    const slow = await startSim(["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash"], { SGLANG_SIM_TOKENS_PER_S: "0.4" });
    await waitForHealth(slow, 60_000);
    const slowClient = new OpenAI({ baseURL: `${slow.base}/v1`, apiKey: "none" });
    const before = slow.output().split("Decode batch").length;
    await Promise.all(Array.from({ length: 6 }, () => slowClient.completions.create({ model: "x", prompt: "side by side", max_tokens: 80, ignore_eos: true } as never)));
    const lines = slow.output().split("Decode batch").slice(before).map((rest) => rest.split("\n")[0]!);
    // Six requests of 80 tokens side by side: two intervals of the batch; one line per request would be 12.
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.some((line) => line.startsWith(", #running-req: 6,"))).toBe(true);
  }, 90_000);
});
