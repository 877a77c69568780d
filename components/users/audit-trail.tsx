"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Field, FormError } from "@/components/auth/auth-card";
import { DateRangeFields, ExportCsvLink, PersonFilter, reportQuery, type DateRange } from "@/components/reports/report-filters";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/input";
import { useFilteredApiResource } from "@/components/use-api-resource";
import type { AuditEventView } from "@/lib/audit";
import type { UserView } from "@/lib/users";

interface Filter extends DateRange {
  actorId: string;
  action: string;
}

// From and To are moments in the browser's time zone, sent as UTC.
const toQuery = (filter: Filter, format: "json" | "csv") => reportQuery(filter, format, (name, value) => (name === "from" || name === "to" ? new Date(value).toISOString() : value));

/** The audit trail with filters by person, action and time, and the same selection as CSV. */
export function AuditTrail({ initialEvents, users, actions }: { initialEvents: AuditEventView[]; users: UserView[]; actions: readonly string[] }) {
  const trail = useFilteredApiResource((filter: Filter) => `/api/audit?${toQuery(filter, "json")}`, (body: { events: AuditEventView[] }) => body.events, initialEvents, {
    actorId: "",
    action: "",
    from: "",
    to: "",
  });
  const { filter, apply } = trail;
  const t = useTranslations("audit");
  const format = useFormatter();
  // The stable code stays in the data and the filter; a person reads the words (an action the catalogue does not know yet reads as its code).
  const actionName = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        <PersonFilter users={users} value={filter.actorId} onChange={(actorId) => apply({ ...filter, actorId })} />
        <Field label={t("filters.action")}>
          <Select aria-label={t("filters.action")} value={filter.action} onChange={(event) => apply({ ...filter, action: event.target.value })}>
            <option value="">{t("filters.allActions")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionName(action)}
              </option>
            ))}
          </Select>
        </Field>
        <DateRangeFields type="datetime-local" from={filter.from} to={filter.to} onChange={(range) => apply({ ...filter, ...range })} />
        <ExportCsvLink href={`/api/audit?${toQuery(filter, "csv")}`} />
      </div>
      <FormError message={trail.error} />
      <DataTable
        columns={[t("table.time"), t("table.person"), t("table.action"), t("table.target"), t("table.ip"), t("table.detail")]}
        count={trail.data.length}
        emptyText={t("table.empty")}
      >
        {trail.data.map((event) => (
          <DataRow key={event.id} className="align-top" data-testid="audit-row">
            <td className="py-1.5 whitespace-nowrap text-zinc-400">{format.dateTime(new Date(event.at), { dateStyle: "short", timeStyle: "medium" })}</td>
            <td>{event.actorName}</td>
            <td className="whitespace-nowrap pr-2" data-action={event.action} title={event.action}>
              {actionName(event.action)}
            </td>
            <td>{event.target}</td>
            <td className="font-mono text-xs text-zinc-500">{event.ip}</td>
            <td className="max-w-md truncate font-mono text-xs text-zinc-500" title={JSON.stringify(event.detail)}>
              {JSON.stringify(event.detail)}
            </td>
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
