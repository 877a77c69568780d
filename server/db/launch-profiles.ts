import { randomUUID } from "node:crypto";
import { AppError } from "../../lib/errors";
import { launchProfileSchema, type LaunchProfile, type SavedProfile } from "../../lib/launch";
import type { Db } from "./client";

interface ProfileRow {
  id: string;
  name: string;
  profileJson: string;
  createdAt: Date;
  updatedAt: Date;
}

function toSaved(row: ProfileRow): SavedProfile {
  return {
    id: row.id,
    // Stored rows were validated on the way in; parsing again keeps a hand-edited database from reaching the page.
    profile: launchProfileSchema.parse(JSON.parse(row.profileJson)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listLaunchProfiles(db: Db): Promise<SavedProfile[]> {
  const rows = await db.launchProfile.findMany({ orderBy: [{ name: "asc" }, { createdAt: "asc" }] });
  return rows.map(toSaved);
}

export async function findLaunchProfile(db: Db, { id }: { id: string }): Promise<SavedProfile | null> {
  const row = await db.launchProfile.findUnique({ where: { id } });
  return row ? toSaved(row) : null;
}

export async function findLaunchProfileOrThrow(db: Db, { id }: { id: string }): Promise<SavedProfile> {
  const saved = await findLaunchProfile(db, { id });
  if (!saved) throw new AppError("profile_not_found", { id });
  return saved;
}

export async function createLaunchProfile(db: Db, { profile }: { profile: LaunchProfile }): Promise<SavedProfile> {
  const row = await db.launchProfile.create({ data: { id: randomUUID(), name: profile.name, profileJson: JSON.stringify(profile) } });
  return toSaved(row);
}

export async function updateLaunchProfile(db: Db, { id, profile }: { id: string; profile: LaunchProfile }): Promise<SavedProfile> {
  await findLaunchProfileOrThrow(db, { id });
  const row = await db.launchProfile.update({ where: { id }, data: { name: profile.name, profileJson: JSON.stringify(profile) } });
  return toSaved(row);
}

export async function deleteLaunchProfile(db: Db, { id }: { id: string }): Promise<void> {
  await findLaunchProfileOrThrow(db, { id });
  await db.launchProfile.delete({ where: { id } });
}

/** A copy named "<name> (copy)" (cut to the name limit). */
export async function duplicateLaunchProfile(db: Db, { id }: { id: string }): Promise<SavedProfile> {
  const { profile } = await findLaunchProfileOrThrow(db, { id });
  const suffix = " (copy)";
  return createLaunchProfile(db, { profile: { ...profile, name: profile.name.slice(0, 100 - suffix.length) + suffix } });
}

/** All or nothing: a file with one bad profile imports none. */
export async function importLaunchProfiles(db: Db, { profiles }: { profiles: LaunchProfile[] }): Promise<SavedProfile[]> {
  const rows = await db.$transaction(
    profiles.map((profile) => db.launchProfile.create({ data: { id: randomUUID(), name: profile.name, profileJson: JSON.stringify(profile) } })),
  );
  return rows.map(toSaved);
}
