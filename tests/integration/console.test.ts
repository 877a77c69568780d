import fs from "node:fs";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import type { InstancesClientToServer, InstancesServerToClient, LogChunkEvent, WatchAck } from "../../lib/realtime";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { processGroupMembers, waitFor } from "../support/processes";
import { authedFetch, socketAuth } from "../support/session";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole();
});

afterAll(async () => {
  await consoleProcess?.stop();
});

type InstancesSocket = Socket<InstancesServerToClient, InstancesClientToServer>;

function watch(instanceId: string): Promise<{ socket: InstancesSocket; text: () => string; states: InstanceView[]; chunks: LogChunkEvent[] }> {
  const socket: InstancesSocket = io(`${consoleProcess.url}/instances`, { path: "/socket.io", transports: ["websocket"], ...socketAuth(consoleProcess.url) });
  const chunks: LogChunkEvent[] = [];
  const states: InstanceView[] = [];
  socket.on("log:chunk", (chunk) => chunks.push(chunk));
  socket.on("instance:state", (state) => states.push(state));
  return new Promise((resolve, reject) => {
    socket.on("connect_error", reject);
    socket.on("connect", () =>
      socket.emit("instance:watch", { instanceId }, (ack: WatchAck) => {
        if (!ack.ok) return reject(new Error(ack.error.message));
        chunks.unshift(...ack.chunks);
        states.push(ack.state);
        resolve({ socket, states, chunks, text: () => chunks.map((c) => c.data).join("") });
      }),
    );
  });
}

describe("the console with the simulator", () => {
  it("streams over the socket the logs of the very instance launched by POST, lets it chat, and stops its whole tree", async () => {
    const port = await freePort();
    const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(port) });
    expect(launched.status).toBe(201);
    const instance = launched.body.instance;
    expect(instance).toMatchObject({ simulated: true, port, phase: "starting" });

    const watcher = await watch(instance.id);
    await waitFor(() => watcher.text().includes("The server is fired up and ready to roll!"), { timeoutMs: 30_000, what: "the ready line" });
    // The socket streams this instance's process: its Uvicorn line names the port the POST asked for.
    expect(watcher.text()).toContain(`Uvicorn running on http://127.0.0.1:${port}`);
    const ready = await waitFor(async () => {
      const view = await getInstance(consoleProcess.url, instance.id);
      return view.phase === "ready" ? view : null;
    }, { timeoutMs: 30_000, what: "phase ready" });
    expect(ready.servedModelName).toBe("glm-4.7-flash");
    // The console runs with its malloc tuning (scripts/start-console.sh); SGLang inherits the console's
    // environment without it.
    const environ = (pid: number) => fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    expect(environ(consoleProcess.process.pid!)).toContain("MALLOC_ARENA_MAX=2");
    expect(environ(ready.run!.pid!).filter((entry) => entry.startsWith("MALLOC_"))).toEqual([]);
    expect(watcher.states.some((s) => s.phase === "loading")).toBe(true);
    const seqs = watcher.chunks.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const chat = await api<{ reply: { content: string; reasoning: string | null; finishReason: string } }>(
      consoleProcess.url,
      "POST",
      `/api/instances/${instance.id}/chat`,
      { messages: [{ role: "user", content: "Hello there" }] },
    );
    expect(chat.status).toBe(200);
    expect(chat.body.reply.content.length).toBeGreaterThan(0);
    expect(chat.body.reply.reasoning).toBeTruthy();

    const pid = ready.run!.pid!;
    expect(processGroupMembers(pid).length).toBeGreaterThan(2);
    const stopped = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.instance.phase).toBe("stopped");
    expect(stopped.body.instance.run!.survivors).toEqual([]);
    expect(processGroupMembers(pid)).toEqual([]);

    const log = await authedFetch(`${consoleProcess.url}/api/instances/${instance.id}/runs/${ready.run!.id}/log`);
    const logText = await log.text();
    expect(logText).toContain("The server is fired up and ready to roll!");
    expect(logText.startsWith(watcher.text().slice(0, 200))).toBe(true);
    watcher.socket.disconnect();
  });

  it("refuses a bad flag value with a message naming the flag, and starts no process", async () => {
    const port = await freePort();
    const before = (await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances.length;
    const response = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", "/api/instances", {
      profile: glmProfile(port, { flags: { "--tool-call-parser": "glm-47" } }),
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.message).toContain("--tool-call-parser");
    const after = (await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances.length;
    expect(after).toBe(before);
  });

  it("shows a server that runs out of memory for its KV cache as failed to start, with the cause and its advice", async () => {
    const port = await freePort();
    const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
      profile: glmProfile(port, { env: { SGLANG_SIM_FAIL: "oom_kv_cache" } }),
    });
    expect(launched.status).toBe(201);
    const failed = await waitFor(async () => {
      const view = await getInstance(consoleProcess.url, launched.body.instance.id);
      return view.phase === "failed_start" ? view : null;
    }, { timeoutMs: 30_000, what: "failed_start" });
    expect(failed.run).toMatchObject({ cause: "oom_kv_cache" });
    // SGLang's launcher kills its own tree (itself included) when a child fails.
    expect(failed.run!.signal ?? failed.run!.exitCode).not.toBe(0);
    expect(failed.run!.causeDetail).toContain("Not enough memory");
    expect(failed.run!.advice.some((a) => a.flag === "--mem-fraction-static")).toBe(true);
    expect(processGroupMembers(failed.run!.pid!)).toEqual([]);
  });

  it("keeps a finished run's state and log after the console restarts", async () => {
    const list = (await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances;
    const stopped = list.find((i) => i.phase === "stopped")!;
    await consoleProcess.stop();
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    const again = await getInstance(consoleProcess.url, stopped.id);
    expect(again).toMatchObject({ phase: "stopped", run: { id: stopped.run!.id, exitCode: stopped.run!.exitCode } });
    const log = await authedFetch(`${consoleProcess.url}/api/instances/${stopped.id}/runs/${stopped.run!.id}/log`);
    expect(await log.text()).toContain("The server is fired up and ready to roll!");
    expect(fs.existsSync(consoleProcess.dataDir)).toBe(true);
  });
});
