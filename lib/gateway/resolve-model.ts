// Which instance answers a request's `model`: its served model name, else (as scripts name models several ways)
// its model path, hub id or the last part of either, case-insensitively, when exactly one instance matches.

export interface GatewayCandidate {
  id: string;
  name: string;
  phase: string;
  servedModelName: string | null;
  modelPath: string;
  inFlight: number;
}

export type ModelResolution =
  | { kind: "instance"; instanceId: string }
  | { kind: "starting"; name: string }
  | { kind: "ambiguous"; names: string[] }
  | { kind: "not_found" };

const STARTING = new Set(["starting", "loading"]);
const lastPart = (value: string) => value.replace(/\/+$/, "").split("/").pop() ?? value;

function aliasesOf(candidate: GatewayCandidate): Set<string> {
  const names = [candidate.modelPath, lastPart(candidate.modelPath)];
  if (candidate.servedModelName) names.push(candidate.servedModelName, lastPart(candidate.servedModelName));
  return new Set(names.map((name) => name.toLowerCase()));
}

/** The least busy of `instances` (fewest requests in flight), or null. */
const leastBusy = (instances: GatewayCandidate[]) => instances.reduce<GatewayCandidate | null>((best, next) => (best === null || next.inFlight < best.inFlight ? next : best), null);

/** `candidates` are the instances the key may use. */
export function resolveModel(requested: string, candidates: readonly GatewayCandidate[]): ModelResolution {
  const exact = candidates.filter((candidate) => candidate.servedModelName === requested || (!candidate.servedModelName && candidate.modelPath === requested));
  const readyExact = exact.filter((candidate) => candidate.phase === "ready");
  if (readyExact.length > 0) return { kind: "instance", instanceId: leastBusy(readyExact)!.id };
  const wanted = requested.toLowerCase();
  const loose = candidates.filter((candidate) => aliasesOf(candidate).has(wanted) || aliasesOf(candidate).has(lastPart(wanted)));
  const readyLoose = loose.filter((candidate) => candidate.phase === "ready");
  const servedNames = new Set(readyLoose.map((candidate) => candidate.servedModelName ?? candidate.modelPath));
  if (servedNames.size === 1) return { kind: "instance", instanceId: leastBusy(readyLoose)!.id };
  if (servedNames.size > 1) return { kind: "ambiguous", names: [...servedNames].sort() };
  const starting = [...exact, ...loose].find((candidate) => STARTING.has(candidate.phase));
  if (starting) return { kind: "starting", name: starting.name };
  return { kind: "not_found" };
}
