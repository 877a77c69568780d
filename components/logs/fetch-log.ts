import { failureOf } from "@/components/api-client";
import type { LogSearchResult } from "@/lib/logs/search";
import type { LineFilterSpec } from "@/lib/logs/line-filter";

const runPath = (instanceId: string, runId: string) => `/api/instances/${encodeURIComponent(instanceId)}/runs/${encodeURIComponent(runId)}`;

export function logRangeUrl(instanceId: string, runId: string, from?: number, to?: number): string {
  const query = new URLSearchParams();
  if (from !== undefined) query.set("from", String(from));
  if (to !== undefined) query.set("to", String(to));
  const qs = query.toString();
  return `${runPath(instanceId, runId)}/log${qs ? `?${qs}` : ""}`;
}

/** Bytes [from, to) of a run's log. */
export async function fetchLogRange(instanceId: string, runId: string, from: number, to: number): Promise<Uint8Array> {
  const response = await fetch(logRangeUrl(instanceId, runId, from, to));
  if (!response.ok) throw new Error(await errorMessage(response));
  return new Uint8Array(await response.arrayBuffer());
}

export async function searchRunLog(instanceId: string, runId: string, spec: LineFilterSpec & { limit?: number }): Promise<LogSearchResult> {
  const query = new URLSearchParams({ q: spec.query ?? "", regex: spec.regex ? "1" : "0" });
  if (spec.level) query.set("level", spec.level);
  if (spec.tpRank !== undefined) query.set("rank", String(spec.tpRank));
  if (spec.limit) query.set("limit", String(spec.limit));
  const response = await fetch(`${runPath(instanceId, runId)}/search?${query}`);
  if (!response.ok) throw new Error(await errorMessage(response));
  return (await response.json()) as LogSearchResult;
}

async function errorMessage(response: Response): Promise<string> {
  return (await failureOf(response)).message;
}
