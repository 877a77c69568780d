import { afterEach, describe, expect, it } from "vitest";
import { GLM_MODEL, killAll, readSse, startSim, waitForHealth } from "./helpers";

afterEach(killAll);

const ARGS = ["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash", "--reasoning-parser", "glm45", "--enable-metrics"];
const CHAT = { messages: [{ role: "user", content: "Tell me about Paris." }], stream: true, stream_options: { include_usage: true } };

async function stream(base: string, path: string, body: unknown): Promise<Record<string, any>[]> {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const events = await readSse(res);
  expect(events.at(-1)).toBe("[DONE]");
  return events.slice(0, -1).map((data) => JSON.parse(data));
}

const errorOf = (chunks: Record<string, any>[]) => chunks.find((c) => c.error)?.error ?? null;

describe("requests that fail after their stream started", () => {
  it("abort_mid_stream: text, then SGLang's error chunk instead of a finish reason, usage and [DONE]; counted as aborted", async () => {
    const sim = await startSim(ARGS, { SGLANG_SIM_FAIL: "abort_mid_stream" });
    await waitForHealth(sim);
    const chunks = await stream(sim.base, "/v1/chat/completions", CHAT);
    const at = chunks.findIndex((c) => c.error);
    expect(chunks[at]).toEqual({ error: { object: "error", message: "Generation aborted.", type: "INTERNAL_SERVER_ERROR", param: null, code: 500 } });
    const before = chunks.slice(0, at);
    expect(before.some((c) => c.choices[0].delta.content)).toBe(true);
    expect(before.every((c) => c.choices[0].finish_reason === null)).toBe(true);
    expect(chunks.slice(at + 1)).toEqual([expect.objectContaining({ choices: [], usage: expect.objectContaining({ completion_tokens: expect.any(Number) }) })]);
    expect(chunks.at(-1)!.usage.completion_tokens).toBeGreaterThan(0);

    const completion = await stream(sim.base, "/v1/completions", { prompt: "Once upon a time", max_tokens: 20, ignore_eos: true, stream: true });
    expect(errorOf(completion)).toMatchObject({ code: 500, type: "INTERNAL_SERVER_ERROR" });
    expect(completion.filter((c) => c.choices?.[0]?.text).length).toBe(15);

    const whole = await (await fetch(`${sim.base}/v1/chat/completions`, { method: "POST", body: JSON.stringify({ ...CHAT, stream: false }) })).json();
    expect(whole.choices[0].finish_reason).toBe("stop");
    const metrics = await (await fetch(`${sim.base}/metrics`)).text();
    expect(metrics).toMatch(/sglang:num_aborted_requests_total\{[^}]*\} 2\.0/);
  });

  it("oom_under_load: a stream that starts while SGLANG_SIM_OOM_RUNNING_REQS run fails with SGLang's decode out-of-memory text; alone it succeeds", async () => {
    const sim = await startSim(ARGS, { SGLANG_SIM_FAIL: "oom_under_load", SGLANG_SIM_OOM_RUNNING_REQS: "2", SGLANG_SIM_TOKENS_PER_S: "0.1" });
    await waitForHealth(sim);
    const alone = await stream(sim.base, "/v1/completions", { prompt: "one", max_tokens: 5, stream: true });
    expect(errorOf(alone)).toBeNull();

    const first = stream(sim.base, "/v1/completions", { prompt: "first", max_tokens: 40, ignore_eos: true, stream: true });
    await new Promise((r) => setTimeout(r, 100));
    const second = await stream(sim.base, "/v1/chat/completions", CHAT);
    expect(errorOf(second)).toEqual({
      object: "error", type: "SERVICE_UNAVAILABLE", code: 503, param: null,
      message: expect.stringMatching(/^Decode out of memory\. Try to lower your batch size\.\nTry to allocate 2 tokens\./),
    });
    const firstChunks = await first;
    expect(errorOf(firstChunks)).toBeNull();
    expect(firstChunks.filter((c) => c.choices?.[0]?.text)).toHaveLength(40);
  });
});
