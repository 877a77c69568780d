import { afterEach, describe, expect, it } from "vitest";
import { GLM_MODEL, descendants, killAll, markedPids, procInfo, startSim, waitForHealth, waitUntil } from "./helpers";

afterEach(killAll);

describe("simulator process tree", () => {
  it("runs one scheduler per rank, a detokenizer and a helper grandchild per scheduler, all in the launcher's group", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"]);
    await waitForHealth(sim);
    // Each scheduler starts its helper on its own schedule; wait for both rather than race them.
    await waitUntil(() => descendants(sim.pid).filter((p) => p.comm === "compile_worker").length === 2);
    const tree = descendants(sim.pid);
    const schedulers = tree.filter((p) => p.comm.startsWith("sglang::schedul") && p.ppid === sim.pid);
    const detokenizers = tree.filter((p) => p.comm === "sglang::detoken" && p.ppid === sim.pid);
    const helpers = tree.filter((p) => p.comm === "compile_worker");
    expect(schedulers).toHaveLength(2);
    expect(detokenizers).toHaveLength(1);
    expect(helpers).toHaveLength(2);
    for (const h of helpers) expect(schedulers.map((s) => s.pid)).toContain(h.ppid);
    for (const p of [...schedulers, ...detokenizers, ...helpers]) expect(p.pgid).toBe(sim.pid);
  });

  it("SIGTERM to the launcher stops the whole tree, grandchildren included, and exits 0", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"]);
    await waitForHealth(sim);
    expect(markedPids(sim.marker).length).toBeGreaterThanOrEqual(6);
    process.kill(sim.pid, "SIGTERM");
    const exit = await sim.waitForExit();
    expect(exit.code).toBe(0);
    expect(sim.output()).toContain("INFO:     Shutting down");
    await waitUntil(() => markedPids(sim.marker).length === 0);
  });

  it("SIGKILL of the launcher leaves its children running", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"]);
    await waitForHealth(sim);
    const children = descendants(sim.pid).map((p) => p.pid);
    process.kill(sim.pid, "SIGKILL");
    await sim.waitForExit();
    await new Promise((r) => setTimeout(r, 500));
    const alive = children.filter((pid) => procInfo(pid) !== null);
    expect(alive.length).toBe(children.length);
    // afterEach kills the group and checks nothing is left
  });

  it("SGLANG_SIM_ESCAPE_PGID=1 makes one grandchild leave the process group, still a descendant of the launcher", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"], { SGLANG_SIM_ESCAPE_PGID: "1" });
    await waitForHealth(sim);
    await waitUntil(() => descendants(sim.pid).some((p) => p.comm === "compile_worker" && p.pgid !== sim.pid));
    const escaped = descendants(sim.pid).filter((p) => p.pgid !== sim.pid);
    expect(escaped).toHaveLength(1);
    process.kill(sim.pid, "SIGTERM");
    await sim.waitForExit();
    await waitUntil(() => markedPids(sim.marker).length === 0);
  });
});
