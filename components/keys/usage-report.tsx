"use client";

import { useFormatter, useTranslations } from "next-intl";
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

// Usage days are calendar days in UTC ("2026-12-03"): shown as that day wherever the browser is.
const DAY = { timeZone: "UTC" } as const;
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** Tokens per day as bars (plain SVG, like the GPU charts), with the highest day as the scale. */
function TokensByDay({ days }: { days: [string, number][] }) {
  const t = useTranslations("usage.chart");
  const format = useFormatter();
  const max = Math.max(1, ...days.map(([, tokens]) => tokens));
  const width = Math.max(320, days.length * 28);
  return (
    <svg role="img" aria-label={t("label")} viewBox={`0 0 ${width} 140`} className="h-40 w-full rounded-lg border border-zinc-800 bg-zinc-950">
      <text x={6} y={12} className="fill-zinc-400 text-[8px]" data-testid="usage-chart-legend">
        {t("legend", { max: format.number(max) })}
      </text>
      {days.map(([day, tokens], i) => {
        const height = (tokens / max) * 90;
        return (
          <g key={day}>
            <rect x={i * 28 + 6} y={110 - height} width={16} height={height} className="fill-sky-600">
              <title>{t("bar", { day: format.dateTime(dayOf(day), { ...DAY, dateStyle: "medium" }), tokens: format.number(tokens) })}</title>
            </rect>
            <text x={i * 28 + 14} y={128} textAnchor="middle" className="fill-zinc-500 text-[8px]">
              {format.dateTime(dayOf(day), { ...DAY, month: "numeric", day: "numeric" })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Usage per person and model over time, filtered, with the same selection as CSV. */
export function UsageReport({ initialRows, users }: { initialRows: UsageRowView[]; users: UserView[] | null }) {
  const t = useTranslations("usage");
  const format = useFormatter();
  const report = useFilteredApiResource((filter: Filter) => `/api/usage?${reportQuery(filter, "json")}`, (body: { rows: UsageRowView[] }) => body.rows, initialRows, {
    userId: "",
    model: "",
    from: "",
    to: "",
  });
  const { filter, apply, data: rows } = report;
  const { byDay, byModel } = summarizeUsage(rows);
  // A demo link's use is recorded under "demo: <its name>" (server/gateway/demo-route.ts); the prefix is a word a person reads.
  const labelOf = (row: UsageRowView) => (row.keyId.startsWith("demo:") && row.label.startsWith("demo: ") ? t("rows.demoLabel", { name: row.label.slice("demo: ".length) }) : row.label);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        {users && <PersonFilter users={users} value={filter.userId} onChange={(userId) => apply({ ...filter, userId })} />}
        <Field label={t("filters.model")}>
          <Input value={filter.model} onChange={(event) => apply({ ...filter, model: event.target.value })} />
        </Field>
        <DateRangeFields type="date" from={filter.from} to={filter.to} onChange={(range) => apply({ ...filter, ...range })} />
        <ExportCsvLink href={`/api/usage?${reportQuery(filter, "csv")}`} />
      </div>
      <FormError message={report.error} />
      <TokensByDay days={byDay} />
      <DataTable columns={[t("byModel.model"), t("byModel.requests"), t("byModel.prompt"), t("byModel.completion")]} count={byModel.length} data-testid="usage-by-model">
        {byModel.map(([model, totals]) => (
          <DataRow key={model}>
            <td className="py-1.5 font-mono text-xs">{model}</td>
            <td>{format.number(totals.requests)}</td>
            <td>{format.number(totals.prompt)}</td>
            <td>{format.number(totals.completion)}</td>
          </DataRow>
        ))}
      </DataTable>
      <DataTable
        columns={[t("rows.day"), t("rows.person"), t("rows.key"), t("rows.model"), t("rows.requests"), t("rows.tokens")]}
        count={rows.length}
        emptyText={t("rows.empty")}
        data-testid="usage-rows"
      >
        {rows.map((row) => (
          <DataRow key={`${row.day}-${row.userId}-${row.keyId}-${row.model}`}>
            <td className="py-1.5">{format.dateTime(dayOf(row.day), { ...DAY, dateStyle: "medium" })}</td>
            <td>{row.userName}</td>
            <td>{labelOf(row)}</td>
            <td className="font-mono text-xs">{row.model}</td>
            <td>{format.number(row.requests)}</td>
            <td>
              {format.number(row.promptTokens)} + {format.number(row.completionTokens)}
              {row.estimated > 0 && <span className="text-amber-400"> {t("rows.estimated", { count: format.number(row.estimated) })}</span>}
            </td>
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
