// Launch profiles as people see them: ownership and sharing checked with lib/authz, secrets masked in every
// answer and restored from the stored copy when a masked profile is saved back.
import { canChangeProfile, canViewProfile, type Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import type { LaunchProfile } from "../../lib/launch";
import type { SavedProfile } from "../../lib/launch";
import { maskEnv, restoreMaskedEnv } from "../../lib/secrets";
import type { Db } from "../db/client";
import * as rows from "../db/launch-profiles";

const masked = (saved: SavedProfile): SavedProfile => ({ ...saved, profile: { ...saved.profile, env: maskEnv(saved.profile.env) } });

export function createProfileService(db: Db, nameOf: rows.NameOf) {
  const visibleOrThrow = async (actor: Actor, id: string) => {
    const saved = await rows.findLaunchProfileOrThrow(db, { id, nameOf });
    if (!canViewProfile(actor, saved)) throw new AppError("profile_not_found", { id });
    return saved;
  };
  const changeableOrThrow = async (actor: Actor, id: string) => {
    const saved = await visibleOrThrow(actor, id);
    if (!canChangeProfile(actor, saved)) throw new AppError("forbidden");
    return saved;
  };

  return {
    list: async (actor: Actor) => (await rows.listLaunchProfiles(db, { nameOf })).filter((saved) => canViewProfile(actor, saved)).map(masked),
    get: async (actor: Actor, id: string) => masked(await visibleOrThrow(actor, id)),
    /** With its secrets: for launching on the server, never for an answer. */
    forLaunch: (actor: Actor, id: string) => visibleOrThrow(actor, id),
    create: async (actor: Actor, profile: LaunchProfile, shared = false) => masked(await rows.createLaunchProfile(db, { profile, owner: actor.id, shared, nameOf })),
    update: async (actor: Actor, id: string, profile: LaunchProfile, shared?: boolean) => {
      const stored = await changeableOrThrow(actor, id);
      const restored = { ...profile, env: restoreMaskedEnv(profile.env, stored.profile.env) };
      return masked(await rows.updateLaunchProfile(db, { id, profile: restored, shared, nameOf }));
    },
    remove: async (actor: Actor, id: string) => {
      const stored = await changeableOrThrow(actor, id);
      await rows.deleteLaunchProfile(db, { id });
      return stored;
    },
    /** A copy owned by the actor, named "<name> (copy)" (cut to the name limit). */
    duplicate: async (actor: Actor, id: string) => {
      const { profile } = await visibleOrThrow(actor, id);
      const suffix = " (copy)";
      return masked(await rows.createLaunchProfile(db, { profile: { ...profile, name: profile.name.slice(0, 100 - suffix.length) + suffix }, owner: actor.id, shared: false, nameOf }));
    },
    import: async (actor: Actor, profiles: LaunchProfile[]) => (await rows.importLaunchProfiles(db, { profiles, owner: actor.id, nameOf })).map(masked),
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
