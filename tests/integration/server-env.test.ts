import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import type { LaunchContextView } from "../../lib/launch";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";
import { MASK } from "../../lib/secrets";
import { TEST_ADMIN } from "../support/session";

let consoleProcess: RunningConsole;
let proxy: net.Server;
let proxyHits = 0;

beforeAll(async () => {
  // A proxy that refuses everything, as a corporate proxy refuses a request to an internal address.
  proxy = net.createServer((socket) => {
    proxyHits++;
    socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  consoleProcess = await startConsole({
    env: {
      http_proxy: proxyUrl,
      HTTP_PROXY: proxyUrl,
      NO_PROXY: "internal.example",
      no_proxy: "",
      LD_LIBRARY_PATH: "/opt/test-cuda/lib64",
      NCCL_DEBUG: "INFO",
      BETTER_AUTH_SECRET: "must-not-leak-a-secret-of-32-characters-or-more",
      // The administrator's password the test session signs in with: it must not reach servers either.
      CONSOLE_ADMIN_PASSWORD: TEST_ADMIN.password,
      HF_TOKEN: "hf_shown_masked",
    },
  });
});

afterAll(async () => {
  await consoleProcess?.stop();
  proxy?.close();
});

function environOf(pid: number): Record<string, string> {
  const pairs = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
}

describe("the launched server's environment", () => {
  it("inherits the console's environment without its settings and secrets, with the profile's on top, and gets past a proxy to its own warm-up", async () => {
    const response = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
      profile: glmProfile(await freePort(), { env: { NCCL_DEBUG: "WARN", MY_SETTING: "from-profile" } }),
    });
    expect(response.status).toBe(201);
    const ready = await waitFor(async () => {
      const view = await getInstance(consoleProcess.url, response.body.instance.id);
      if (view.phase === "failed_start") throw new Error(`failed to start: ${view.run?.causeDetail}`);
      return view.phase === "ready" ? view : null;
    }, { timeoutMs: 30_000, what: "ready" });
    const env = environOf(ready.run!.pid!);
    expect(env.LD_LIBRARY_PATH).toBe("/opt/test-cuda/lib64");
    expect(env.NCCL_DEBUG).toBe("WARN");
    expect(env.MY_SETTING).toBe("from-profile");
    expect(env.PYTHONUNBUFFERED).toBe("1");
    for (const name of ["BETTER_AUTH_SECRET", "CONSOLE_ADMIN_PASSWORD", "DATABASE_URL", "DATA_DIR", "PORT", "SGLANG_MODE"]) expect(env[name]).toBeUndefined();
    expect(env.NO_PROXY!.split(",")).toEqual(expect.arrayContaining(["internal.example", "127.0.0.1", "localhost"]));
    expect(env.no_proxy).toBe(env.NO_PROXY);
    expect(proxyHits).toBe(0);
    await api(consoleProcess.url, "POST", `/api/instances/${ready.id}/stop`);
  });

  it("shows the launch page what servers inherit, with secret-looking values masked and the console's secrets absent", async () => {
    const { body } = await api<LaunchContextView>(consoleProcess.url, "GET", "/api/launch/context");
    expect(body.serverEnv.inherited.LD_LIBRARY_PATH).toBe("/opt/test-cuda/lib64");
    expect(body.serverEnv.inherited.HF_TOKEN).toBe(MASK);
    expect(JSON.stringify(body)).not.toContain("hf_shown_masked");
    expect(JSON.stringify(body)).not.toContain("must-not-leak");
    expect(JSON.stringify(body)).not.toContain(TEST_ADMIN.password);
    expect(body.serverEnv.runtime.PYTHONPATH).toMatch(/simulator$/);
  });
});
