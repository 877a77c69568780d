import type { TabState } from "@/lib/playground/session";

export interface TabProps {
  instanceId: string;
  /** The served model name (from the instance's /v1/models), for the request preview. */
  model: string;
  /** The instance's address as this browser's user reaches it, for View code. */
  baseUrl: string;
  state: TabState;
  onState: (patch: Partial<TabState>) => void;
}

export const textArea = "w-full rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 placeholder:text-zinc-600";
