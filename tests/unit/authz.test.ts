import { describe, expect, it } from "vitest";
import {
  canControlInstance,
  canLaunchInstance,
  canListInstances,
  canUsePlayground,
  canViewTelemetry,
  canViewLogs,
  type Actor,
  type Role,
} from "../../lib/authz";

const actor = (role: Role, id = "alice"): Actor => ({ id, name: id, role });
const mine = { id: "i1", owner: "alice" };
const theirs = { id: "i2", owner: "bob" };

// role → [list, launch, control own, control others', view logs, playground, telemetry]
const TABLE: Record<Role, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, true, true, true, true, true],
  operator: [true, true, true, false, true, true, true],
  viewer: [true, false, false, false, true, true, true],
  demo: [false, false, false, false, false, true, false],
};

describe("authorisation", () => {
  for (const [role, expected] of Object.entries(TABLE) as [Role, (typeof TABLE)[Role]][]) {
    it(`gives a ${role} exactly the permissions of its row`, () => {
      const a = actor(role);
      expect([
        canListInstances(a),
        canLaunchInstance(a),
        canControlInstance(a, mine),
        canControlInstance(a, theirs),
        canViewLogs(a, theirs),
        canUsePlayground(a, theirs),
        canViewTelemetry(a),
      ]).toEqual(expected);
    });
  }
});
