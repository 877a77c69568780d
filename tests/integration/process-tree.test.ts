import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { collectTree, isAlive, stopProcessTree } from "../../server/supervisor/process-tree";
import { waitFor } from "../support/processes";

// A launcher with a child, a grandchild, and a grandchild that left the process group with setsid.
const TREE_SCRIPT = `
bash -c 'sleep 300 & setsid sleep 301 & wait' &
trap '' TERM
while :; do sleep 0.2; done
`;

describe("stopProcessTree", () => {
  it("ends the whole tree, including a descendant that left the group and a launcher that ignores SIGTERM", async () => {
    const launcher = spawn("bash", ["-c", TREE_SCRIPT], { detached: true, stdio: "ignore" });
    const pid = launcher.pid!;
    // Until setsid has run, the escaping sleep is still in the group (and the loop's short sleeps come and go).
    const tree = await waitFor(() => {
      const procs = collectTree(pid, pid);
      return procs.length >= 4 && procs.some((p) => p.pgid !== pid) ? procs : null;
    }, { timeoutMs: 5000, what: "the test tree, with a descendant outside the group" });

    const result = await stopProcessTree({ rootPid: pid, pgid: pid, graceMs: 300 });
    expect(result.escalated).toBe(true);
    expect(result.survivors).toEqual([]);
    expect(tree.filter(isAlive)).toEqual([]);
  });

  it("needs no SIGKILL when the tree ends on SIGTERM", async () => {
    const launcher = spawn("bash", ["-c", "sleep 300 & wait"], { detached: true, stdio: "ignore" });
    await waitFor(() => collectTree(launcher.pid!, launcher.pid!).length >= 2, { timeoutMs: 5000, what: "the sleep child" });
    const result = await stopProcessTree({ rootPid: launcher.pid!, pgid: launcher.pid!, graceMs: 5000 });
    expect(result).toMatchObject({ escalated: false, survivors: [] });
  });
});
