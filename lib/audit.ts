import { toCsv } from "./csv";

// The audit trail's shape as pages and exports see it.

/** What the audit trail records; the detail of each is a small JSON object (secrets already masked). */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "setup",
  "instance_launch",
  "instance_stop",
  "instance_restart",
  "instance_delete",
  "profile_create",
  "profile_update",
  "profile_delete",
  "user_create",
  "user_sign_up",
  "user_role",
  "user_status",
  "user_password_reset",
  "settings_change",
  "api_key_create",
  "api_key_revoke",
  "demo_link_create",
  "demo_link_revoke",
  "download_start",
  "download_cancel",
  "hub_token_set",
  "hub_token_clear",
  "model_delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe. */
export function auditEventsToCsv(events: readonly AuditEventView[]): string {
  const header = ["time", "actor", "actor_id", "action", "target", "ip", "detail"];
  const rows = events.map((event) => [event.at, event.actorName, event.actorId ?? "", event.action, event.target ?? "", event.ip ?? "", JSON.stringify(event.detail)]);
  return toCsv([header, ...rows]);
}
