import { describe, expect, it } from "vitest";
import {
  canControlInstance,
  canDiagnose,
  canLaunchInstance,
  canListInstances,
  canManageDownloads,
  canManageHubTokens,
  canManageProfiles,
  canSavePlaygroundSession,
  canUsePlayground,
  canUsePlaygroundSession,
  canViewProfiles,
  canViewTelemetry,
  canViewLogs,
  canChangeProfile,
  canManageSettings,
  canManageUsers,
  canUseOwnAccount,
  canViewAudit,
  canViewDownloads,
  canViewProfile,
  isBoundByLaunchPolicy,
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

// role → [view saved launch profiles, create/edit/delete/import them]
const PROFILE_TABLE: Record<Role, [boolean, boolean]> = {
  admin: [true, true],
  operator: [true, true],
  viewer: [true, false],
  demo: [false, false],
};

describe("authorisation of launch profiles", () => {
  for (const [role, expected] of Object.entries(PROFILE_TABLE) as [Role, (typeof PROFILE_TABLE)[Role]][]) {
    it(`lets a ${role} ${expected[1] ? "view and manage" : expected[0] ? "only view" : "neither view nor manage"} launch profiles`, () => {
      const a = actor(role);
      expect([canViewProfiles(a), canManageProfiles(a)]).toEqual(expected);
    });
  }
});

// role → diagnose a pasted or uploaded log
const DIAGNOSE_TABLE: Record<Role, boolean> = { admin: true, operator: true, viewer: true, demo: false };

describe("authorisation to diagnose a log", () => {
  for (const [role, expected] of Object.entries(DIAGNOSE_TABLE) as [Role, boolean][]) {
    it(`${expected ? "lets" : "does not let"} a ${role} diagnose a log`, () => {
      expect(canDiagnose(actor(role))).toBe(expected);
    });
  }
});

// role → [save a session, use own session, use someone else's session]
const SESSION_TABLE: Record<Role, [boolean, boolean, boolean]> = {
  admin: [true, true, false],
  operator: [true, true, false],
  viewer: [true, true, false],
  demo: [false, false, false],
};

describe("playground session authorisation", () => {
  for (const [role, expected] of Object.entries(SESSION_TABLE) as [Role, (typeof SESSION_TABLE)[Role]][]) {
    it(`gives a ${role} exactly the session permissions of its row (sessions are private, even from admins)`, () => {
      const a = actor(role);
      expect([canSavePlaygroundSession(a), canUsePlaygroundSession(a, { owner: "alice" }), canUsePlaygroundSession(a, { owner: "bob" })]).toEqual(expected);
    });
  }
});

// role → [see own private profile, see others' private, see others' shared, change own, change others' shared]
const PROFILE_OWNERSHIP_TABLE: Record<Role, [boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, true, true, true],
  operator: [true, false, true, true, false],
  viewer: [true, false, true, false, false],
  demo: [false, false, false, false, false],
};

describe("profile ownership", () => {
  for (const [role, expected] of Object.entries(PROFILE_OWNERSHIP_TABLE) as [Role, (typeof PROFILE_OWNERSHIP_TABLE)[Role]][]) {
    it(`gives a ${role} exactly the profile rights of its row (own; read shared)`, () => {
      const a = actor(role);
      const own = { owner: "alice", shared: false };
      const othersPrivate = { owner: "bob", shared: false };
      const othersShared = { owner: "bob", shared: true };
      expect([canViewProfile(a, own), canViewProfile(a, othersPrivate), canViewProfile(a, othersShared), canChangeProfile(a, own), canChangeProfile(a, othersShared)]).toEqual(expected);
    });
  }
});

// role → [users, settings, audit trail, own account, bound by the launch policy]
const ADMIN_TABLE: Record<Role, [boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, true, true, false],
  operator: [false, false, false, true, true],
  viewer: [false, false, false, true, true],
  demo: [false, false, false, false, true],
};

describe("administration", () => {
  for (const [role, expected] of Object.entries(ADMIN_TABLE) as [Role, (typeof ADMIN_TABLE)[Role]][]) {
    it(`gives a ${role} exactly the administration rights of its row`, () => {
      const a = actor(role);
      expect([canManageUsers(a), canManageSettings(a), canViewAudit(a), canUseOwnAccount(a), isBoundByLaunchPolicy(a)]).toEqual(expected);
    });
  }
});

describe("model downloads", () => {
  const TABLE: Record<Role, [boolean, boolean, boolean]> = { admin: [true, true, true], operator: [true, true, false], viewer: [true, false, false], demo: [false, false, false] };
  for (const [role, expected] of Object.entries(TABLE) as [Role, [boolean, boolean, boolean]][]) {
    it(`${role}: see downloads ${expected[0]}, start, pause and cancel them ${expected[1]}, store hub tokens ${expected[2]}`, () => {
      const a = actor(role);
      expect([canViewDownloads(a), canManageDownloads(a), canManageHubTokens(a)]).toEqual(expected);
    });
  }
});
