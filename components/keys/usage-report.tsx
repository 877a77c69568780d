"use client";

import { Field, FormError } from "@/components/auth/auth-card";
import { DateRangeFields, ExportCsvLink, PersonFilter, reportQuery, type DateRange } from "@/components/reports/report-filters";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { useFilteredApiResource } from "@/components/use-api-resource";
import { summarizeUsage, type UsageRowView } from "@/lib/usage";
import type { UserView } from "@/lib/users";

interface Filter extends DateRange {
  userId: string;
  model: string;
}

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
  const report = useFilteredApiResource((filter: Filter) => `/api/usage?${reportQuery(filter, "json")}`, (body: { rows: UsageRowView[] }) => body.rows, initialRows, {
    userId: "",
    model: "",
    from: "",
    to: "",
  });
  const { filter, apply, data: rows } = report;
  const { byDay, byModel } = summarizeUsage(rows);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        {users && <PersonFilter users={users} value={filter.userId} onChange={(userId) => apply({ ...filter, userId })} />}
        <Field label="Model">
          <Input value={filter.model} onChange={(event) => apply({ ...filter, model: event.target.value })} />
        </Field>
        <DateRangeFields type="date" from={filter.from} to={filter.to} onChange={(range) => apply({ ...filter, ...range })} />
        <ExportCsvLink href={`/api/usage?${reportQuery(filter, "csv")}`} />
      </div>
      <FormError message={report.error} />
      <TokensByDay days={byDay} />
      <DataTable columns={["Model", "Requests", "Prompt tokens", "Completion tokens"]} count={byModel.length} data-testid="usage-by-model">
        {byModel.map(([model, totals]) => (
          <DataRow key={model}>
            <td className="py-1.5 font-mono text-xs">{model}</td>
            <td>{totals.requests.toLocaleString()}</td>
            <td>{totals.prompt.toLocaleString()}</td>
            <td>{totals.completion.toLocaleString()}</td>
          </DataRow>
        ))}
      </DataTable>
      <DataTable
        columns={["Day", "Person", "Key", "Model", "Requests", "Tokens (prompt + completion)"]}
        count={rows.length}
        emptyText="No usage recorded for this selection."
        data-testid="usage-rows"
      >
        {rows.map((row) => (
          <DataRow key={`${row.day}-${row.userId}-${row.keyId}-${row.model}`}>
            <td className="py-1.5">{row.day}</td>
            <td>{row.userName}</td>
            <td>{row.label}</td>
            <td className="font-mono text-xs">{row.model}</td>
            <td>{row.requests}</td>
            <td>
              {row.promptTokens} + {row.completionTokens}
              {row.estimated > 0 && <span className="text-amber-400"> ({row.estimated} estimated)</span>}
            </td>
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
