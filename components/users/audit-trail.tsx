"use client";

import { useState } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AuditEventView } from "@/lib/audit";
import type { UserView } from "@/lib/users";

interface Filter {
  actorId: string;
  action: string;
  from: string;
  to: string;
}

const toQuery = (filter: Filter, format: "json" | "csv") => {
  const query = new URLSearchParams({ format });
  if (filter.actorId) query.set("actorId", filter.actorId);
  if (filter.action) query.set("action", filter.action);
  if (filter.from) query.set("from", new Date(filter.from).toISOString());
  if (filter.to) query.set("to", new Date(filter.to).toISOString());
  return query.toString();
};

/** The audit trail with filters by person, action and time, and the same selection as CSV. */
export function AuditTrail({ initialEvents, users, actions }: { initialEvents: AuditEventView[]; users: UserView[]; actions: readonly string[] }) {
  const [events, setEvents] = useState(initialEvents);
  const [filter, setFilter] = useState<Filter>({ actorId: "", action: "", from: "", to: "" });
  const [error, setError] = useState<string | null>(null);

  const apply = async (next: Filter) => {
    setFilter(next);
    setError(null);
    try {
      setEvents((await callApi<{ events: AuditEventView[] }>("GET", `/api/audit?${toQuery(next, "json")}`)).events);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    }
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        <Field label="Person">
          <Select aria-label="person" value={filter.actorId} onChange={(event) => void apply({ ...filter, actorId: event.target.value })}>
            <option value="">everyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Action">
          <Select aria-label="action" value={filter.action} onChange={(event) => void apply({ ...filter, action: event.target.value })}>
            <option value="">all</option>
            {actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="datetime-local" value={filter.from} onChange={(event) => void apply({ ...filter, from: event.target.value })} />
        </Field>
        <Field label="To">
          <Input type="datetime-local" value={filter.to} onChange={(event) => void apply({ ...filter, to: event.target.value })} />
        </Field>
        <div className="flex items-end">
          <a href={`/api/audit?${toQuery(filter, "csv")}`} download className="w-full">
            <Button variant="secondary" className="w-full">
              Export CSV
            </Button>
          </a>
        </div>
      </div>
      <FormError message={error} />
      <table className="w-full text-sm">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Time</th>
            <th>Person</th>
            <th>Action</th>
            <th>Target</th>
            <th>IP</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-t border-zinc-800 align-top" data-testid="audit-row">
              <td className="py-1.5 whitespace-nowrap text-zinc-400">{new Date(event.at).toLocaleString()}</td>
              <td>{event.actorName}</td>
              <td className="font-mono text-xs">{event.action}</td>
              <td>{event.target}</td>
              <td className="font-mono text-xs text-zinc-500">{event.ip}</td>
              <td className="max-w-md truncate font-mono text-xs text-zinc-500" title={JSON.stringify(event.detail)}>
                {JSON.stringify(event.detail)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p className="text-sm text-zinc-500">Nothing recorded matches these filters.</p>}
    </div>
  );
}
