import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { StreamAccumulator, type StreamChunk } from "../../lib/playground/result";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { streamEvents } from "../support/playground";
import { waitFor } from "../support/processes";

let consoleProcess: RunningConsole;
let instance: InstanceView;

beforeAll(async () => {
  consoleProcess = await startConsole({ env: { SGLANG_SIM_TOKENS_PER_S: "0.5" } });
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
    profile: glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "abort_mid_stream" } }),
  });
  expect(launched.status).toBe(201);
  instance = await waitFor(async () => {
    const view = await getInstance(consoleProcess.url, launched.body.instance.id);
    return view.phase === "ready" ? view : null;
  }, { timeoutMs: 30_000, what: "the instance to be ready" });
});

afterAll(async () => {
  await consoleProcess?.stop();
});

describe("a stream SGLang fails part-way, through the console", () => {
  it("arrives as SGLang sent it: text, SGLang's error chunk, usage, [DONE], and no error of the console's own", async () => {
    const { status, events } = await streamEvents(`${consoleProcess.url}/api/instances/${instance.id}/playground/chat`, {
      messages: [{ role: "user", content: "Tell me about Paris." }],
      params: {},
      stream: true,
    });
    expect(status).toBe(200);
    expect(events.map((e) => e.event)).not.toContain("error");
    expect(events.at(-1)!.data).toBe("[DONE]");
    const accumulator = new StreamAccumulator();
    for (const event of events.slice(1, -1)) accumulator.add(JSON.parse(event.data) as StreamChunk);
    const result = accumulator.result();
    expect(result.error).toEqual({ message: "Generation aborted.", type: "INTERNAL_SERVER_ERROR", code: 500 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBeNull();
    expect(result.usage!.completion_tokens).toBeGreaterThan(0);
  });
});
