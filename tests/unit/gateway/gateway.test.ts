import { describe, expect, it } from "vitest";
import { toOpenAiErrorBody } from "../../../lib/gateway/openai-error";
import { RateWindow } from "../../../lib/gateway/rate-window";
import { resolveModel, type GatewayCandidate } from "../../../lib/gateway/resolve-model";
import { createUsageFilter } from "../../../lib/gateway/usage-filter";

const candidate = (overrides: Partial<GatewayCandidate>): GatewayCandidate => ({
  id: "a",
  name: "a",
  phase: "ready",
  servedModelName: "glm-4.7-flash",
  modelPath: "zai-org/GLM-4.7-Flash",
  inFlight: 0,
  ...overrides,
});

describe("which instance answers a model name", () => {
  it("takes the served name first, the least busy of several", () => {
    const busy = candidate({ id: "busy", inFlight: 5 });
    const idle = candidate({ id: "idle", inFlight: 1 });
    expect(resolveModel("glm-4.7-flash", [busy, idle])).toEqual({ kind: "instance", instanceId: "idle" });
  });

  it("accepts the model path, a hub id or its last part, case-insensitively, when one served model matches", () => {
    const only = candidate({ modelPath: "/root/autodl-fs/ZhipuAI/GLM-4.7-Flash" });
    for (const name of ["ZhipuAI/GLM-4.7-Flash", "zai-org/GLM-4.7-Flash", "GLM-4.7-Flash", "glm-4.7-FLASH", "/root/autodl-fs/ZhipuAI/GLM-4.7-Flash"]) {
      expect(resolveModel(name, [only]), name).toEqual({ kind: "instance", instanceId: "a" });
    }
  });

  it("names the choices when a loose name matches several served models", () => {
    const first = candidate({ id: "x", servedModelName: "glm-a" });
    const second = candidate({ id: "y", servedModelName: "glm-b" });
    expect(resolveModel("GLM-4.7-Flash", [first, second])).toEqual({ kind: "ambiguous", names: ["glm-a", "glm-b"] });
  });

  it("says a matching instance is still starting, and not found otherwise", () => {
    expect(resolveModel("glm-4.7-flash", [candidate({ phase: "loading" })])).toEqual({ kind: "starting", name: "a" });
    expect(resolveModel("other", [candidate({})])).toEqual({ kind: "not_found" });
    expect(resolveModel("glm-4.7-flash", [candidate({ phase: "stopped" })])).toEqual({ kind: "not_found" });
  });
});

describe("usage read from a stream in passing", () => {
  const event = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
  const content = event({ choices: [{ delta: { content: "Hi" } }] });
  const usage = event({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } });

  it("drops the usage-only chunk it asked for, whatever the chunk boundaries, and forwards the rest byte for byte", () => {
    const filter = createUsageFilter({ stripUsageChunk: true });
    const stream = content + content + usage + "data: [DONE]\n\n";
    const parts = [stream.slice(0, 13), stream.slice(13, 70), stream.slice(70)];
    const out = parts.map((part) => filter.push(Buffer.from(part)).toString()).join("") + filter.end().toString();
    expect(out).toBe(content + content + "data: [DONE]\n\n");
    expect(filter.usage()).toEqual({ promptTokens: 7, completionTokens: 3 });
    expect(filter.events()).toBe(4);
  });

  it("passes whole events without usage through untouched, and counts them", () => {
    const filter = createUsageFilter({ stripUsageChunk: true });
    const chunk = Buffer.from(content + content);
    expect(filter.push(chunk)).toBe(chunk);
    expect(filter.events()).toBe(2);
    expect(filter.usage()).toBeNull();
  });

  it("passes SGLang's chunks untouched though each carries \"usage\": null, and still reads the count at the end", () => {
    // SGLang (as OpenAI) writes `"usage": null` in every chunk of a stream that asked for usage, with Python's spacing.
    const sglangEvent = (payload: string) => `data: ${payload}\n\n`;
    const token = Buffer.from(sglangEvent('{"id": "r", "choices": [{"index": 0, "delta": {"content": "usage"}}], "usage": null}'));
    const filter = createUsageFilter({ stripUsageChunk: true });
    expect(filter.push(token)).toBe(token);
    expect(filter.push(Buffer.from(sglangEvent('{"id": "r", "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}'))).toString()).toBe("");
    expect(filter.usage()).toEqual({ promptTokens: 5, completionTokens: 1 });
    expect(filter.events()).toBe(2);
  });

  it("forwards a model's text that names the usage keys unchanged, and counts several events in one chunk", () => {
    const filter = createUsageFilter({ stripUsageChunk: true });
    // As a whole string value the key's bytes do appear in a chunk (the slow path); as part of a longer text they are escaped.
    const named = event({ choices: [{ delta: { content: "prompt_tokens" } }], usage: null });
    const quoted = event({ choices: [{ delta: { content: 'say "prompt_tokens": 5' } }], usage: null });
    expect(filter.push(Buffer.from(named + quoted)).toString()).toBe(named + quoted);
    expect(filter.push(Buffer.from(quoted + quoted + quoted)).toString()).toBe(quoted + quoted + quoted);
    expect(filter.usage()).toBeNull();
    expect(filter.events()).toBe(5);
  });

  it("keeps the usage chunk for a client that asked for it", () => {
    const filter = createUsageFilter({ stripUsageChunk: false });
    expect(filter.push(Buffer.from(content + usage)).toString()).toBe(content + usage);
  });
});

describe("requests and tokens per minute", () => {
  it("says how long until a key may spend again", () => {
    let now = 0;
    const window = new RateWindow(60_000, () => now);
    window.add("k", 3);
    now = 20_000;
    window.add("k", 2);
    expect(window.retryAfterS("k", 5)).toBe(40);
    expect(window.retryAfterS("k", 6)).toBeNull();
    now = 60_001;
    expect(window.total("k")).toBe(2);
  });
});

describe("errors in OpenAI's shape", () => {
  it("wraps SGLang's top-level error bodies and its mid-stream ones alike", () => {
    expect(toOpenAiErrorBody({ object: "error", message: "bad", type: "BadRequestError", param: null, code: 400 }, 400)).toEqual({ error: { message: "bad", type: "BadRequestError", param: null, code: "400" } });
    expect(toOpenAiErrorBody({ error: { message: "oom", code: 503 } }, 503).error.message).toBe("oom");
    expect(toOpenAiErrorBody("plain", 502).error).toMatchObject({ message: "plain", type: "server_error" });
  });
});
