import { describe, expect, it } from "vitest";
import type { InstancePhase } from "../../lib/instance-phase";
import { decideRestart, supervisionSchema, type RestartDecision } from "../../lib/supervision";

const NOW = new Date("2026-12-03T10:00:00Z");
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const onFailure = supervisionSchema.parse({ restartPolicy: "on-failure", maxRestarts: 2, restartBackoffS: 5, minUptimeS: 60 });
const never = supervisionSchema.parse({ restartPolicy: "never" });

type Row = [what: string, phase: InstancePhase, uptimeS: number, attempt: number, stopRequested: boolean, policy: typeof never, expected: RestartDecision["action"], nextAttempt?: number];

// phase the run ended in (or `unresponsive`, alive), its uptime, its restart number, a stop asked for, the policy → decision
const TABLE: Row[] = [
  ["a crash restarts", "crashed", 10, 0, false, onFailure, "restart", 1],
  ["a failed start restarts", "failed_start", 10, 0, false, onFailure, "restart", 1],
  ["an unresponsive server restarts", "unresponsive", 3600, 0, false, onFailure, "restart", 1],
  ["a young failure counts towards the limit", "crashed", 10, 1, false, onFailure, "restart", 2],
  ["a run that stayed up resets the count", "crashed", 600, 2, false, onFailure, "restart", 1],
  ["past the limit within the uptime: a crash loop", "failed_start", 10, 2, false, onFailure, "give_up", 2],
  ["an unresponsive server young past the limit: a crash loop", "unresponsive", 10, 2, false, onFailure, "give_up", 2],
  ["a stop that was asked for never restarts", "stopped", 10, 0, true, onFailure, "none"],
  ["a crash after a stop was asked for never restarts", "crashed", 10, 0, true, onFailure, "none"],
  ["a stopped run never restarts", "stopped", 10, 0, false, onFailure, "none"],
  ["a ready run never restarts", "ready", 10, 0, false, onFailure, "none"],
  ["policy never: a crash stays", "crashed", 10, 0, false, never, "none"],
  ["policy never: an unresponsive server stays", "unresponsive", 600, 0, false, never, "none"],
];

describe("the restart decision", () => {
  for (const [what, phase, uptimeS, attempt, stopRequested, policy, expected, nextAttempt] of TABLE) {
    it(what, () => {
      const decision = decideRestart({ phase, startedAt: ago(uptimeS), endedAt: NOW, attempt, stopRequested }, policy, NOW);
      expect(decision.action).toBe(expected);
      if (decision.action !== "none") expect(decision.attempt).toBe(nextAttempt);
    });
  }

  it("waits the backoff, doubling with each restart, counted from when the run ended", () => {
    const at = (attempt: number, endedS: number) => {
      const decision = decideRestart({ phase: "crashed", startedAt: ago(endedS + 10), endedAt: ago(endedS), attempt, stopRequested: false }, onFailure, NOW);
      return decision.action === "restart" ? (decision.at.getTime() - NOW.getTime()) / 1000 : null;
    };
    expect(at(0, 0)).toBe(5);
    expect(at(1, 0)).toBe(10);
    expect(at(1, 4)).toBe(6);
    // A restart overdue (the console was down when it fell due) happens now.
    expect(at(0, 30)).toBe(0);
  });

  it("says why it gave up, with the count and the minimum uptime", () => {
    const decision = decideRestart({ phase: "crashed", startedAt: ago(10), endedAt: NOW, attempt: 2, stopRequested: false }, onFailure, NOW);
    expect(decision.action === "give_up" && decision.reason).toContain("after 2 automatic restarts, each within 60 s of starting");
  });
});
