// The one place that decides who may do what. Every route handler, socket event and server-rendered page
// calls these; the UI only mirrors them.

export const ROLES = ["admin", "operator", "viewer"] as const;
export type UserRole = (typeof ROLES)[number];
/** "demo" is a visitor through a demo link (no account): the playground of one instance only. */
export type Role = UserRole | "demo";

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface InstanceRef {
  id: string;
  owner: string;
}

export interface ProfileRef {
  owner: string;
  shared: boolean;
}

const isAdmin = (actor: Actor) => actor.role === "admin";
const canOperate = (actor: Actor) => actor.role === "admin" || actor.role === "operator";
const isMember = (actor: Actor) => actor.role !== "demo";

export const canListInstances = (actor: Actor): boolean => isMember(actor);
export const canViewInstance = (actor: Actor, _instance: InstanceRef): boolean => isMember(actor);
export const canViewLogs = (actor: Actor, instance: InstanceRef): boolean => canViewInstance(actor, instance);
/** Operators launch too, within the launch policy (lib/launch-policy.ts) that the launch route applies. */
export const canLaunchInstance = (actor: Actor): boolean => canOperate(actor);
/** Administrators may launch anything; operators only what the launch policy allows. */
export const isBoundByLaunchPolicy = (actor: Actor): boolean => !isAdmin(actor);
/** Stop, restart and delete. */
export const canControlInstance = (actor: Actor, instance: InstanceRef): boolean =>
  isAdmin(actor) || (actor.role === "operator" && instance.owner === actor.id);
/** GPU readings and who holds each GPU (instance owners, foreign PIDs and process names). */
export const canViewTelemetry = (actor: Actor): boolean => isMember(actor);
export const canUsePlayground = (_actor: Actor, _instance: InstanceRef): boolean => true;
/** Lists the profiles an actor may see: their own and the shared ones (administrators: all). */
export const canViewProfiles = (actor: Actor): boolean => isMember(actor);
export const canViewProfile = (actor: Actor, profile: ProfileRef): boolean =>
  isAdmin(actor) || (isMember(actor) && (profile.shared || profile.owner === actor.id));
export const canManageProfiles = (actor: Actor): boolean => canOperate(actor);
export const canChangeProfile = (actor: Actor, profile: ProfileRef): boolean =>
  isAdmin(actor) || (actor.role === "operator" && profile.owner === actor.id);
// Diagnosing a log someone brings reveals nothing of this box, so every member may; a run's own log is
// still fetched through canViewLogs.
export const canDiagnose = (actor: Actor): boolean => isMember(actor);
/** Playground sessions are private: each person sees and changes only their own. */
export const canSavePlaygroundSession = (actor: Actor): boolean => isMember(actor);
export const canUsePlaygroundSession = (actor: Actor, session: { owner: string }): boolean => canSavePlaygroundSession(actor) && session.owner === actor.id;
export const canManageUsers = (actor: Actor): boolean => isAdmin(actor);
export const canManageSettings = (actor: Actor): boolean => isAdmin(actor);
export const canViewAudit = (actor: Actor): boolean => isAdmin(actor);
/** Signed-in members change their own password and see who they are. */
export const canUseOwnAccount = (actor: Actor): boolean => isMember(actor);
/** Personal API keys for the OpenAI-compatible endpoint, and one's own usage. */
export const canUseApiKeys = (actor: Actor): boolean => isMember(actor);
/** Everyone's keys (to revoke) and everyone's usage. */
export const canManageEveryonesKeys = (actor: Actor): boolean => isAdmin(actor);
export const canViewEveryonesUsage = (actor: Actor): boolean => isAdmin(actor);
/** Demo links show one instance to visitors without an account: made by those who run instances. */
export const canMakeDemoLinks = (actor: Actor): boolean => canOperate(actor);
/** Model downloads: everyone sees the list and the progress; operators and administrators start, pause and cancel, and delete model folders. */
export const canViewDownloads = (actor: Actor): boolean => isMember(actor);
export const canManageDownloads = (actor: Actor): boolean => canOperate(actor);
/** The hub tokens stored for downloads: administrators only set, clear and see whether one is set (never the value). */
export const canManageHubTokens = (actor: Actor): boolean => isAdmin(actor);
