"use client";

import { useCallback, useState } from "react";
import type { LogSearchResult } from "@/lib/logs/search";
import { searchRunLog } from "./fetch-log";

export interface LogSearchState {
  query: string;
  regex: boolean;
  result: LogSearchResult | null;
  /** Index of the hit shown, in `result.hits`. */
  current: number;
  busy: boolean;
  error: string | null;
}

/** Search over a run's whole log on the console, with the hit being shown. */
export function useLogSearch(instanceId: string, runId: string | null) {
  const [state, setState] = useState<LogSearchState>({ query: "", regex: false, result: null, current: 0, busy: false, error: null });

  const run = useCallback(
    async (query: string, regex: boolean): Promise<LogSearchResult | null> => {
      if (!runId || query.trim() === "") {
        setState((s) => ({ ...s, query, regex, result: null, current: 0, error: null }));
        return null;
      }
      setState((s) => ({ ...s, query, regex, busy: true, error: null }));
      try {
        const result = await searchRunLog(instanceId, runId, { query, regex, limit: 2000 });
        setState((s) => ({ ...s, result, current: 0, busy: false }));
        return result;
      } catch (error) {
        setState((s) => ({ ...s, result: null, busy: false, error: (error as Error).message }));
        return null;
      }
    },
    [instanceId, runId],
  );

  /** Shows hit `index` (wrapping around) and returns it. */
  const show = useCallback(
    (index: number) => {
      const hits = state.result?.hits ?? [];
      if (hits.length === 0) return null;
      const current = ((index % hits.length) + hits.length) % hits.length;
      setState((s) => ({ ...s, current }));
      return hits[current] ?? null;
    },
    [state.result],
  );

  return { search: state, runSearch: run, showHit: show };
}
