// "Did you mean ...?" for mistyped flag names and choice values.
import { editDistance } from "../edit-distance";
import { allFlagSpellings, findFlag, type FlagSpec } from "./flag-catalogue";

/** The closest of `candidates` to `value` (case-insensitive, at most 2 edits or a case/underscore difference), or null. */
export function closestMatch(value: string, candidates: readonly string[]): string | null {
  const wanted = value.toLowerCase().replace(/_/g, "-");
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const normal = candidate.toLowerCase().replace(/_/g, "-");
    const distance = normal === wanted ? 0 : editDistance(wanted, normal);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The canonical flag a mistyped `--flag` most likely meant (underscores for dashes, small typos), or null. */
export function suggestFlag(name: string): string | null {
  const dashed = "--" + name.replace(/^-+/, "").replace(/_/g, "-");
  const direct = findFlag(dashed);
  if (direct) return direct.name;
  const close = closestMatch(dashed, allFlagSpellings());
  return close ? (findFlag(close)?.name ?? null) : null;
}

/** The single catalogue flag that `name` is an argparse abbreviation of (a unique prefix), or null. */
export function expandAbbreviation(name: string): string | null {
  if (!name.startsWith("--") || name.length < 4) return null;
  const targets = new Set<string>();
  for (const spelling of allFlagSpellings()) {
    if (spelling.startsWith(name)) targets.add(findFlag(spelling)?.name ?? spelling);
  }
  if (targets.size !== 1) return null;
  const [only] = [...targets];
  return only ?? null;
}

/** The flag `name` spells, as a registered spelling or as argparse's abbreviation of one. */
export function resolveFlag(name: string): FlagSpec | undefined {
  const abbreviated = findFlag(name) ? null : expandAbbreviation(name);
  return findFlag(abbreviated ?? name);
}
