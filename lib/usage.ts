import { toCsv } from "./csv";

/** One day's tokens for one person, key (or "" for the playground) and model. */
export interface UsageRowView {
  day: string;
  userId: string;
  userName: string;
  keyId: string;
  label: string;
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  estimated: number;
}

export function usageToCsv(rows: readonly UsageRowView[]): string {
  const header = ["day", "person", "key", "model", "requests", "prompt_tokens", "completion_tokens", "estimated_requests"];
  const lines = rows.map((row) => [row.day, row.userName, row.label, row.model, String(row.requests), String(row.promptTokens), String(row.completionTokens), String(row.estimated)]);
  return toCsv([header, ...lines]);
}

/** Totals per day (for the chart) and per model. */
export function summarizeUsage(rows: readonly UsageRowView[]) {
  const byDay = new Map<string, number>();
  const byModel = new Map<string, { prompt: number; completion: number; requests: number }>();
  for (const row of rows) {
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.promptTokens + row.completionTokens);
    const model = byModel.get(row.model) ?? { prompt: 0, completion: 0, requests: 0 };
    model.prompt += row.promptTokens;
    model.completion += row.completionTokens;
    model.requests += row.requests;
    byModel.set(row.model, model);
  }
  return { byDay: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)), byModel: [...byModel.entries()].sort(([a], [b]) => a.localeCompare(b)) };
}
