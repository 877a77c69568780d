import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView, RunSummary } from "../../lib/instance-view";
import { checkLiveness } from "../../server/supervisor/liveness";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { processGroupMembers, waitFor } from "../support/processes";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole();
});

afterAll(async () => {
  await consoleProcess?.stop();
});

// Checks every 0.2 s; at SGLANG_SIM_SPEED=1000 the simulator's health check gives up after 20 ms (SGLang: 20 s).
const FAST_LIVENESS = { livenessIntervalS: 0.2, livenessTimeoutS: 2 };

async function launch(env: Record<string, string>, supervision: Record<string, unknown>): Promise<InstanceView> {
  const response = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort(), { env }), supervision });
  if (response.status !== 201) throw new Error(`launch refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.instance;
}

const runsOf = async (id: string) => (await api<{ runs: RunSummary[] }>(consoleProcess.url, "GET", `/api/instances/${id}/runs`)).body.runs;

function waitForPhase(id: string, phase: string, timeoutMs = 30_000): Promise<InstanceView> {
  return waitFor(async () => {
    const view = await getInstance(consoleProcess.url, id);
    return view.phase === phase ? view : null;
  }, { timeoutMs, what: `phase ${phase}` });
}

describe("liveness", () => {
  it("marks a ready server whose rank hangs unresponsive after three failed checks, with the end of its log, and leaves it running (policy never)", async () => {
    const instance = await launch({ SGLANG_SIM_FAIL: "hang_after_ready", SGLANG_SIM_CRASH_AFTER_S: "1500" }, FAST_LIVENESS);
    const ready = await waitForPhase(instance.id, "ready");
    const unresponsive = await waitForPhase(instance.id, "unresponsive");
    expect(unresponsive.run!.cause).toBe("unresponsive");
    expect(unresponsive.run!.causeTitle).toBe("The server stopped answering");
    expect(unresponsive.run!.causeDetail).toContain("GET /health_generate, which must generate a token, failed 3 times in a row (last: answered 503)");
    expect(unresponsive.run!.causeDetail).toMatch(/Last lines of its log:\n[^]*Health check failed/);
    expect(processGroupMembers(ready.run!.pid!).length).toBeGreaterThan(0);
    expect((await runsOf(instance.id))[0]!.phase).toBe("unresponsive");
    expect(unresponsive.restart.nextAt).toBeNull();

    const stopped = (await api<{ instance: InstanceView }>(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`)).body.instance;
    expect(stopped.phase).toBe("stopped");
    expect(processGroupMembers(ready.run!.pid!)).toEqual([]);
  });

  it("restarts a server whose scheduler died while its launcher kept listening (on-failure), recording the run as stopped answering", async () => {
    const instance = await launch(
      { SGLANG_SIM_FAIL: "scheduler_dead_after_ready", SGLANG_SIM_CRASH_AFTER_S: "1500", SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION: "false" },
      { ...FAST_LIVENESS, restartPolicy: "on-failure", restartBackoffS: 0.1, maxRestarts: 3 },
    );
    const first = await waitForPhase(instance.id, "ready");
    const runs = await waitFor(async () => {
      const all = await runsOf(instance.id);
      return all.length >= 2 ? all : null;
    }, { timeoutMs: 30_000, what: "the restart" });
    const ended = runs.find((run) => run.id === first.run!.id)!;
    expect(ended.phase).toBe("crashed");
    expect(ended.cause).toBe("unresponsive");
    expect(ended.causeTitle).toBe("The server stopped answering");
    expect(runs[0]!.startedBy).toBe("restart-policy");
    expect(processGroupMembers(first.run!.pid!)).toEqual([]);
    await api(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);
  });

  it("watches the liveness of a ready server taken over after a console restart, and keeps the cause of an unresponsive one", async () => {
    // Rank 0 wedges 12 s after ready: after the console was killed and a new one (signing in, reading the flags) took the server over.
    const instance = await launch({ SGLANG_SIM_FAIL: "hang_after_ready", SGLANG_SIM_CRASH_AFTER_S: "12000" }, FAST_LIVENESS);
    const ready = await waitForPhase(instance.id, "ready");
    consoleProcess.process.kill("SIGKILL");
    await new Promise((resolve) => consoleProcess.process.once("exit", resolve));
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    expect((await getInstance(consoleProcess.url, instance.id)).phase).toBe("ready");
    const unresponsive = await waitForPhase(instance.id, "unresponsive");
    expect(unresponsive.run!.pid).toBe(ready.run!.pid);
    expect(unresponsive.run!.causeDetail).toContain("Health check failed");

    // A console that takes over an unresponsive server shows it so, with its cause.
    await consoleProcess.stopConsoleOnly();
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    const again = await getInstance(consoleProcess.url, instance.id);
    expect(again.phase).toBe("unresponsive");
    expect(again.run!.cause).toBe("unresponsive");
    await api(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);
    expect(processGroupMembers(ready.run!.pid!)).toEqual([]);
  });

  it("bounds a check on a server that accepts and never answers by the check's own timer", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    const failure = await checkLiveness({ baseUrl: `http://127.0.0.1:${port}`, apiKey: null, timeoutMs: 300, signal: new AbortController().signal });
    silent.close();
    expect(failure).toEqual({ kind: "timeout", seconds: 0.3 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
