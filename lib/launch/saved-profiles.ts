// Saved launch profiles as the API and the page exchange them, and the JSON file format of export/import.
import { z } from "zod";
import { says } from "../schema-text";
import { launchProfileSchema, type LaunchProfile } from "./profile";

export interface SavedProfile {
  id: string;
  profile: LaunchProfile;
  /** The owner's user id and name; shared profiles are readable by everyone, changed by their owner. */
  owner: string;
  ownerName: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

export const PROFILE_EXPORT_KIND = "sglang-console.launch-profiles";
export const PROFILE_IMPORT_MAX_PROFILES = 200;
/** Characters of an uploaded file the import route reads. */
export const PROFILE_IMPORT_MAX_CHARS = 2_000_000;

export const profileExportSchema = z.object({
  kind: z.literal(PROFILE_EXPORT_KIND),
  version: z.literal(1),
  profiles: z.array(launchProfileSchema).min(1, says("profileFileEmpty", "the file holds no profile")).max(PROFILE_IMPORT_MAX_PROFILES),
});

export type ProfileExport = z.infer<typeof profileExportSchema>;

export function buildProfileExport(profiles: LaunchProfile[]): ProfileExport {
  return { kind: PROFILE_EXPORT_KIND, version: 1, profiles };
}

/**
 * Reads an import file: an export document, a bare array of profiles, or one profile.
 * Errors are sentences that name the file's problem ("profiles[0].flags: ...").
 */
export function parseProfileImport(text: string): { ok: true; profiles: LaunchProfile[] } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the file is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const document = Array.isArray(data)
    ? { kind: PROFILE_EXPORT_KIND, version: 1, profiles: data }
    : typeof data === "object" && data !== null && !("kind" in data)
      ? { kind: PROFILE_EXPORT_KIND, version: 1, profiles: [data] }
      : data;
  const parsed = profileExportSchema.safeParse(document);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path) || "file"}: ${issue.message}`);
    return { ok: false, error: `the file is not a launch profile export: ${issues.join("; ")}` };
  }
  return { ok: true, profiles: parsed.data.profiles };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}
