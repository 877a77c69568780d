"use client";

import { useState } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field, FormError } from "@/components/auth/auth-card";
import { Input, Select } from "@/components/ui/input";
import { summarizeUsage, type UsageRowView } from "@/lib/usage";
import type { UserView } from "@/lib/users";

interface Filter {
  userId: string;
  model: string;
  from: string;
  to: string;
}

const query = (filter: Filter, format: "json" | "csv") => {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return params.toString();
};

/** Tokens per day as bars (plain SVG, like the GPU charts). */
function TokensByDay({ days }: { days: [string, number][] }) {
  const max = Math.max(1, ...days.map(([, tokens]) => tokens));
  const width = Math.max(320, days.length * 28);
  return (
    <svg role="img" aria-label="tokens per day" viewBox={`0 0 ${width} 140`} className="h-40 w-full rounded-lg border border-zinc-800 bg-zinc-950">
      {days.map(([day, tokens], i) => {
        const height = (tokens / max) * 100;
        return (
          <g key={day}>
            <rect x={i * 28 + 6} y={110 - height} width={16} height={height} className="fill-sky-600">
              <title>{`${day}: ${tokens.toLocaleString()} tokens`}</title>
            </rect>
            <text x={i * 28 + 14} y={128} textAnchor="middle" className="fill-zinc-500 text-[8px]">
              {day.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Usage per person and model over time, filtered, with the same selection as CSV. */
export function UsageReport({ initialRows, users }: { initialRows: UsageRowView[]; users: UserView[] | null }) {
  const [rows, setRows] = useState(initialRows);
  const [filter, setFilter] = useState<Filter>({ userId: "", model: "", from: "", to: "" });
  const [error, setError] = useState<string | null>(null);
  const { byDay, byModel } = summarizeUsage(rows);

  const apply = async (next: Filter) => {
    setFilter(next);
    setError(null);
    try {
      setRows((await callApi<{ rows: UsageRowView[] }>("GET", `/api/usage?${query(next, "json")}`)).rows);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    }
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        {users && (
          <Field label="Person">
            <Select aria-label="person" value={filter.userId} onChange={(event) => void apply({ ...filter, userId: event.target.value })}>
              <option value="">everyone</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Model">
          <Input value={filter.model} onChange={(event) => void apply({ ...filter, model: event.target.value })} />
        </Field>
        <Field label="From">
          <Input type="date" value={filter.from} onChange={(event) => void apply({ ...filter, from: event.target.value })} />
        </Field>
        <Field label="To">
          <Input type="date" value={filter.to} onChange={(event) => void apply({ ...filter, to: event.target.value })} />
        </Field>
        <div className="flex items-end">
          <a href={`/api/usage?${query(filter, "csv")}`} download className="inline-flex h-9 w-full items-center justify-center rounded-md border border-zinc-700 text-sm text-zinc-100 hover:bg-zinc-800">
            Export CSV
          </a>
        </div>
      </div>
      <FormError message={error} />
      <TokensByDay days={byDay} />
      <table className="w-full text-sm" data-testid="usage-by-model">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Model</th>
            <th>Requests</th>
            <th>Prompt tokens</th>
            <th>Completion tokens</th>
          </tr>
        </thead>
        <tbody>
          {byModel.map(([model, totals]) => (
            <tr key={model} className="border-t border-zinc-800">
              <td className="py-1.5 font-mono text-xs">{model}</td>
              <td>{totals.requests.toLocaleString()}</td>
              <td>{totals.prompt.toLocaleString()}</td>
              <td>{totals.completion.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full text-sm" data-testid="usage-rows">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Day</th>
            <th>Person</th>
            <th>Key</th>
            <th>Model</th>
            <th>Requests</th>
            <th>Tokens (prompt + completion)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.day}-${row.userId}-${row.keyId}-${row.model}`} className="border-t border-zinc-800">
              <td className="py-1.5">{row.day}</td>
              <td>{row.userName}</td>
              <td>{row.label}</td>
              <td className="font-mono text-xs">{row.model}</td>
              <td>{row.requests}</td>
              <td>
                {row.promptTokens} + {row.completionTokens}
                {row.estimated > 0 && <span className="text-amber-400"> ({row.estimated} estimated)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="text-sm text-zinc-500">No usage recorded for this selection.</p>}
    </div>
  );
}
