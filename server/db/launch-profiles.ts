import { randomUUID } from "node:crypto";
import { AppError } from "../../lib/errors";
import { launchProfileSchema, type LaunchProfile, type SavedProfile } from "../../lib/launch";
import type { Db } from "./client";

interface ProfileRow {
  id: string;
  name: string;
  owner: string;
  shared: boolean;
  profileJson: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Owner names come from the accounts (server/auth); rows only hold the id. */
export type NameOf = (userId: string) => string;

function toSaved(row: ProfileRow, nameOf: NameOf): SavedProfile {
  return {
    id: row.id,
    // Stored rows were validated on the way in; parsing again keeps a hand-edited database from reaching the page.
    profile: launchProfileSchema.parse(JSON.parse(row.profileJson)),
    owner: row.owner,
    ownerName: nameOf(row.owner),
    shared: row.shared,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every profile; callers keep those the actor may see (lib/authz canViewProfile). */
export async function listLaunchProfiles(db: Db, { nameOf }: { nameOf: NameOf }): Promise<SavedProfile[]> {
  const rows = await db.launchProfile.findMany({ orderBy: [{ name: "asc" }, { createdAt: "asc" }] });
  return rows.map((row) => toSaved(row, nameOf));
}

export async function findLaunchProfile(db: Db, { id, nameOf }: { id: string; nameOf: NameOf }): Promise<SavedProfile | null> {
  const row = await db.launchProfile.findUnique({ where: { id } });
  return row ? toSaved(row, nameOf) : null;
}

export async function findLaunchProfileOrThrow(db: Db, { id, nameOf }: { id: string; nameOf: NameOf }): Promise<SavedProfile> {
  const saved = await findLaunchProfile(db, { id, nameOf });
  if (!saved) throw new AppError("profile_not_found", { id });
  return saved;
}

export async function createLaunchProfile(db: Db, { profile, owner, shared, nameOf }: { profile: LaunchProfile; owner: string; shared: boolean; nameOf: NameOf }): Promise<SavedProfile> {
  const row = await db.launchProfile.create({ data: { id: randomUUID(), name: profile.name, owner, shared, profileJson: JSON.stringify(profile) } });
  return toSaved(row, nameOf);
}

export async function updateLaunchProfile(db: Db, { id, profile, shared, nameOf }: { id: string; profile: LaunchProfile; shared?: boolean; nameOf: NameOf }): Promise<SavedProfile> {
  const row = await db.launchProfile.update({ where: { id }, data: { name: profile.name, shared, profileJson: JSON.stringify(profile) } });
  return toSaved(row, nameOf);
}

export async function deleteLaunchProfile(db: Db, { id }: { id: string }): Promise<void> {
  await db.launchProfile.delete({ where: { id } });
}

/** All or nothing: a file with one bad profile imports none. */
export async function importLaunchProfiles(db: Db, { profiles, owner, nameOf }: { profiles: LaunchProfile[]; owner: string; nameOf: NameOf }): Promise<SavedProfile[]> {
  const rows = await db.$transaction(
    profiles.map((profile) => db.launchProfile.create({ data: { id: randomUUID(), name: profile.name, owner, shared: false, profileJson: JSON.stringify(profile) } })),
  );
  return rows.map((row) => toSaved(row, nameOf));
}
