// The one place that decides who may do what. Every route handler and socket namespace calls these,
// even while every actor is the local administrator: accounts and roles plug in here later.

export type Role = "admin" | "operator" | "viewer" | "demo";

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface InstanceRef {
  id: string;
  owner: string;
}

export const LOCAL_ADMIN: Actor = { id: "local", name: "local", role: "admin" };

const canOperate = (actor: Actor) => actor.role === "admin" || actor.role === "operator";

export const canListInstances = (actor: Actor): boolean => actor.role !== "demo";
export const canViewInstance = (actor: Actor, _instance: InstanceRef): boolean => actor.role !== "demo";
export const canViewLogs = (actor: Actor, instance: InstanceRef): boolean => canViewInstance(actor, instance);
export const canLaunchInstance = (actor: Actor): boolean => canOperate(actor);
export const canControlInstance = (actor: Actor, instance: InstanceRef): boolean =>
  actor.role === "admin" || (actor.role === "operator" && instance.owner === actor.id);
/** GPU readings and who holds each GPU (instance owners, foreign PIDs and process names). */
export const canViewTelemetry = (actor: Actor): boolean => actor.role !== "demo";
export const canUsePlayground = (_actor: Actor, _instance: InstanceRef): boolean => true;
export const canViewProfiles = (actor: Actor): boolean => actor.role !== "demo";
export const canManageProfiles = (actor: Actor): boolean => canOperate(actor);
// Diagnosing a log someone brings reveals nothing of this box, so every role may; a run's own log is
// still fetched through canViewLogs.
export const canDiagnose = (_actor: Actor): boolean => true;
/** Playground sessions are private: each person sees and changes only their own. */
export const canSavePlaygroundSession = (actor: Actor): boolean => actor.role !== "demo";
export const canUsePlaygroundSession = (actor: Actor, session: { owner: string }): boolean => canSavePlaygroundSession(actor) && session.owner === actor.id;
