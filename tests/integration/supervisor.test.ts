import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView, RunSummary } from "../../lib/instance-view";
import type { LaunchProfile } from "../../lib/launch";
import { collectTree, isAlive } from "../../server/supervisor/process-tree";
import { api, getInstance, glmProfile, instanceApiKey } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { processGroupMembers, processesMatching, waitFor } from "../support/processes";
import { authedFetch } from "../support/session";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole();
});

afterAll(async () => {
  await consoleProcess?.stop();
});

async function launch(profile: LaunchProfile, supervision?: Record<string, unknown>): Promise<InstanceView> {
  const response = await api<{ instance: InstanceView; error?: { message: string } }>(consoleProcess.url, "POST", "/api/instances", { profile, supervision });
  if (response.status !== 201) throw new Error(`launch refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.instance;
}

function waitForPhase(id: string, phase: string, timeoutMs = 30_000): Promise<InstanceView> {
  return waitFor(async () => {
    const view = await getInstance(consoleProcess.url, id);
    return view.phase === phase ? view : null;
  }, { timeoutMs, what: `phase ${phase}` });
}

async function stop(id: string): Promise<InstanceView> {
  return (await api<{ instance: InstanceView }>(consoleProcess.url, "POST", `/api/instances/${id}/stop`)).body.instance;
}

const adminId = async () => (await api<{ user: { id: string } }>(consoleProcess.url, "GET", "/api/me")).body.user.id;

describe("supervision", () => {
  it("stops a tree with grandchildren, one of which left the process group, leaving no process", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_ESCAPE_PGID: "1" } }));
    const ready = await waitForPhase(instance.id, "ready");
    const pid = ready.run!.pid!;
    const tree = collectTree(pid, pid);
    expect(tree.some((proc) => proc.pgid !== pid)).toBe(true);
    expect(tree.length).toBeGreaterThanOrEqual(4);
    const stopped = await stop(instance.id);
    expect(stopped.phase).toBe("stopped");
    expect(tree.filter(isAlive)).toEqual([]);
  });

  it("reports a crash after ready as crashed, with the cause from the output", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "crash_after_ready", SGLANG_SIM_CRASH_AFTER_S: "2000" } }));
    await waitForPhase(instance.id, "ready");
    const crashed = await waitForPhase(instance.id, "crashed");
    expect(crashed.run!.cause).toBe("serving_error");
    expect(processGroupMembers(crashed.run!.pid!)).toEqual([]);
  });

  it("treats a launcher that exits 0 after a child crash as crashed, not stopped", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "exit0_after_child_crash", SGLANG_SIM_CRASH_AFTER_S: "2000" } }));
    await waitForPhase(instance.id, "ready");
    const crashed = await waitForPhase(instance.id, "crashed");
    expect(crashed.run!.exitCode).toBe(0);
    expect(crashed.run!.cause).not.toBeNull();
  });

  it("gives up on a server that hangs before ready after its readiness timeout and stops its tree", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "hang_before_ready" } }), { readyTimeoutS: 2 });
    const failed = await waitForPhase(instance.id, "failed_start");
    expect(failed.run!.cause).toBe("ready_timeout");
    expect(failed.run!.causeDetail).toContain("within 2 s");
    expect(processGroupMembers(failed.run!.pid!)).toEqual([]);
  });

  it("does not call a zombie that printed the ready line but never answers ready", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "zombie" } }), { readyTimeoutS: 3 });
    const failed = await waitForPhase(instance.id, "failed_start");
    expect(failed.run!.cause).toBe("ready_timeout");
  });

  it("refuses a port another program holds, and one another instance holds naming that instance and its owner", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    const refused = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(port) });
    blocker.close();
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(`Port ${port}`);

    const first = await launch(glmProfile(await freePort(), { name: "first", gpuIds: [0] }));
    const samePort = await api<{ error: { message: string } }>(consoleProcess.url, "POST", "/api/instances", {
      profile: glmProfile(first.port, { gpuIds: [3] }),
    });
    expect(samePort.status).toBe(422);
    expect(samePort.body.error.message).toContain("instance first (owner admin)");
    await stop(first.id);
  });

  it("runs several instances on disjoint GPUs and refuses one that would share a GPU, naming the holder", async () => {
    const a = await launch(glmProfile(await freePort(), { name: "on-gpu-0", gpuIds: [0] }));
    const clash = await api<{ error: { message: string } }>(consoleProcess.url, "POST", "/api/instances", {
      profile: glmProfile(await freePort(), { gpuIds: [0] }),
    });
    expect(clash.status).toBe(422);
    expect(clash.body.error.message).toMatch(/GPU 0 is in use by instance on-gpu-0 \(owner admin\)/);
    const b = await launch(glmProfile(await freePort(), { name: "on-gpu-1", gpuIds: [1] }));
    await Promise.all([waitForPhase(a.id, "ready"), waitForPhase(b.id, "ready")]);
    await Promise.all([stop(a.id), stop(b.id)]);
  });

  it("restarts on failure with backoff, then stops a crash loop after the retry limit and says so", async () => {
    const instance = await launch(glmProfile(await freePort(), { env: { SGLANG_SIM_FAIL: "oom_kv_cache" } }), {
      restartPolicy: "on-failure",
      maxRestarts: 2,
      restartBackoffS: 0.1,
      minUptimeS: 60,
    });
    const gaveUp = await waitFor(async () => {
      const view = await getInstance(consoleProcess.url, instance.id);
      return view.restart.gaveUp && view.phase === "failed_start" ? view : null;
    }, { timeoutMs: 40_000, what: "the crash loop to be detected" });
    expect(gaveUp.restart.gaveUp).toContain("Crash loop");
    const runs = (await api<{ runs: RunSummary[] }>(consoleProcess.url, "GET", `/api/instances/${instance.id}/runs`)).body.runs;
    expect(runs.map((run) => run.attempt)).toEqual([2, 1, 0]);
    expect(runs.every((run) => run.cause === "oom_kv_cache" && run.logAvailable)).toBe(true);
    expect(runs.map((run) => run.startedBy)).toEqual(["restart-policy", "restart-policy", await adminId()]);
    expect(runs.map((run) => run.startedByName)).toEqual(["restart-policy", "restart-policy", "admin"]);
  });

  it("keeps the policy's scheduled restart across a console restart, and a restart cancelled with Stop stays cancelled", async () => {
    const instance = await launch(glmProfile(await freePort(), { name: "restart-survives", env: { SGLANG_SIM_FAIL: "oom_kv_cache" } }), {
      restartPolicy: "on-failure",
      maxRestarts: 3,
      restartBackoffS: 3,
      minUptimeS: 60,
    });
    const runsOf = async () => (await api<{ runs: RunSummary[] }>(consoleProcess.url, "GET", `/api/instances/${instance.id}/runs`)).body.runs;
    const pending = () =>
      waitFor(async () => {
        const view = await getInstance(consoleProcess.url, instance.id);
        return view.phase === "failed_start" && view.restart.nextAt ? view : null;
      }, { timeoutMs: 30_000, what: "a scheduled restart" });

    // The first run failed and a restart is due in 3 s: the console goes away before it fires.
    await pending();
    await consoleProcess.stopConsoleOnly();
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    await waitFor(async () => ((await runsOf()).length === 2 ? true : null), { timeoutMs: 30_000, what: "the restart, by the new console" });
    expect((await runsOf()).map((run) => [run.attempt, run.startedBy])).toEqual([[1, "restart-policy"], [0, await adminId()]]);

    // The second restart (due 6 s after the failure) is cancelled with Stop, then the console restarts.
    await pending();
    const stopped = await stop(instance.id);
    expect(stopped.restart.nextAt).toBeNull();
    await consoleProcess.stopConsoleOnly();
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    expect((await getInstance(consoleProcess.url, instance.id)).restart.nextAt).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 7000));
    expect((await runsOf()).length).toBe(2);
  });

  it("keeps a ready instance running across a console kill -9, with no gap in its log, and stops it afterwards", async () => {
    const instance = await launch(glmProfile(await freePort(), { name: "survivor" }));
    const ready = await waitForPhase(instance.id, "ready");
    const pid = ready.run!.pid!;

    consoleProcess.process.kill("SIGKILL");
    await new Promise((resolve) => consoleProcess.process.once("exit", resolve));
    // While no console runs, the server keeps serving and printing.
    const reply = await fetch(`http://127.0.0.1:${instance.port}/v1/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${instanceApiKey(consoleProcess.dataDir, instance.id)}` },
      body: JSON.stringify({ model: "glm-4.7-flash", prompt: "printed while the console was down", max_tokens: 8 }),
    });
    expect(reply.status).toBe(200);
    expect(processGroupMembers(pid).length).toBeGreaterThan(0);

    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    const again = await getInstance(consoleProcess.url, instance.id);
    expect(again.phase).toBe("ready");
    expect(again.run!.pid).toBe(pid);
    const log = await (await authedFetch(`${consoleProcess.url}/api/instances/${instance.id}/runs/${ready.run!.id}/log`)).text();
    expect(log).toContain("The server is fired up and ready to roll!");
    expect(log).toContain('"POST /v1/completions HTTP/1.1" 200');

    // New output after the takeover still arrives and is recorded.
    await fetch(`http://127.0.0.1:${instance.port}/v1/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${instanceApiKey(consoleProcess.dataDir, instance.id)}` },
      body: JSON.stringify({ model: "glm-4.7-flash", prompt: "after", max_tokens: 4 }),
    });
    const stopped = await stop(instance.id);
    expect(stopped.phase).toBe("stopped");
    expect(processGroupMembers(pid)).toEqual([]);
    await waitFor(() => processesMatching(ready.run!.id).length === 0, { timeoutMs: 5000, what: "the pty host to exit" });
    const finalLog = await (await authedFetch(`${consoleProcess.url}/api/instances/${instance.id}/runs/${ready.run!.id}/log`)).text();
    expect(finalLog.split('"POST /v1/completions HTTP/1.1" 200').length - 1).toBe(2);
  });

  it("shows an instance that died while the console was down as crashed, with its cause", async () => {
    const instance = await launch(glmProfile(await freePort(), { name: "dies-alone", env: { SGLANG_SIM_FAIL: "crash_after_ready", SGLANG_SIM_CRASH_AFTER_S: "3000" } }));
    await waitForPhase(instance.id, "ready");
    await consoleProcess.stopConsoleOnly();
    const pid = (await waitFor(() => instance.run?.pid ?? null, { timeoutMs: 1000, what: "pid" }))!;
    await waitFor(() => processGroupMembers(pid).length === 0, { timeoutMs: 30_000, what: "the server to crash on its own" });
    consoleProcess = await startConsole({ dataDir: consoleProcess.dataDir });
    const after = await getInstance(consoleProcess.url, instance.id);
    expect(after.phase).toBe("crashed");
    expect(after.run!.cause).toBe("serving_error");
    expect(after.run!.causeDetail).toContain("while the console was down");
  });
});
