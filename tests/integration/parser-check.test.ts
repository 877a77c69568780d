import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import type { ParserCheck } from "../../lib/parser-check";
import { askChat } from "../../server/parser-check/ask-chat";
import { api, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";

let consoleProcess: RunningConsole;
let silent: net.Server;

beforeAll(async () => {
  consoleProcess = await startConsole();
  silent = net.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await consoleProcess?.stop();
  silent?.close();
});

async function checkOf(profile: ReturnType<typeof glmProfile>): Promise<Extract<ParserCheck, { state: "done" }>> {
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const check = await waitFor(async () => {
    const { body } = await api<{ parserCheck: ParserCheck | null }>(consoleProcess.url, "GET", `/api/instances/${launched.body.instance.id}/parser-check`);
    return body.parserCheck && body.parserCheck.state !== "running" ? body.parserCheck : null;
  }, { timeoutMs: 40_000, what: "the parser check" });
  if (check.state !== "done") throw new Error(`the check did not run: ${JSON.stringify(check)}`);
  return check;
}

describe("parser check after ready", () => {
  it("finds the tool call parsed and the reasoning separated with the guide's glm47 / glm45 parsers", async () => {
    const check = await checkOf(glmProfile(await freePort()));
    expect(check.toolCall.ok).toBe(true);
    expect(check.toolCall.detail).toMatch(/^tool_calls holds get_weather\(\{"city": ?"Paris"\}\)\.$/);
    expect(check.reasoning.ok).toBe(true);
  });

  it("says the call came back as text and the reasoning inside content when the parsers are missing", async () => {
    const profile = glmProfile(await freePort(), { gpuIds: [1] });
    const { "--tool-call-parser": _tool, "--reasoning-parser": _reasoning, ...flags } = profile.flags;
    const check = await checkOf({ ...profile, flags });
    expect(check.toolCall).toEqual({ ok: false, verdict: "as_text", detail: "The model wrote the call as text in content: set --tool-call-parser for this model." });
    expect(check.reasoning).toEqual({ ok: false, verdict: "inside_content", detail: "The reasoning came back inside content (<think> tags): set --reasoning-parser for this model." });
  });

  it("bounds each request with its own timer: a server that accepts and never answers fails the check", async () => {
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    await expect(askChat({ baseUrl: `http://127.0.0.1:${port}`, apiKey: null, model: "m" }, { messages: [{ role: "user", content: "hi" }] }, 300)).rejects.toMatchObject({
      code: "upstream_timeout",
      params: { detail: "0.3 s" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
