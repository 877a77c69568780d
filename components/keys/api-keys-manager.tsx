"use client";

import { useState } from "react";
import { callApi } from "@/components/api-client";
import { Field } from "@/components/auth/auth-card";
import { CreateForm } from "@/components/create-form";
import { expiryOf, optionalNumber } from "@/components/form-values";
import { ExpiryAndRateFields, LimitField } from "@/components/limit-fields";
import { RevokeCell } from "@/components/revoke-cell";
import { Button } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { useApiResource } from "@/components/use-api-resource";
import type { ApiKeyView } from "@/lib/api-keys";

function limitsOf(key: ApiKeyView): string {
  const limits = [key.rpm && `${key.rpm} req/min`, key.tpm && `${key.tpm} tokens/min`, key.maxInFlight && `${key.maxInFlight} in flight`].filter(Boolean);
  return limits.length > 0 ? limits.join(", ") : "none";
}

function statusOf(key: ApiKeyView): string {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return "expired";
  return "active";
}

/** Create a key (its secret shown once), list keys with their limits and last use, revoke at once. */
export function ApiKeysManager({ initialKeys, showOwners }: { initialKeys: ApiKeyView[]; showOwners: boolean }) {
  const { data: keys, error, run, submit } = useApiResource("/api/keys", (body: { keys: ApiKeyView[] }) => body.keys, initialKeys);
  const [secret, setSecret] = useState<string | null>(null);
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  const create = submit(async (form) => {
    const models = String(form.get("models") ?? "")
      .split(",")
      .map((model) => model.trim())
      .filter(Boolean);
    const created = await callApi<{ secret: string }>("POST", "/api/keys", {
      name: form.get("name"),
      ...(models.length > 0 ? { models } : {}),
      ...expiryOf(form),
      rpm: optionalNumber(form.get("rpm")),
      tpm: optionalNumber(form.get("tpm")),
      maxInFlight: optionalNumber(form.get("maxInFlight")),
    });
    setSecret(created.secret);
  });

  return (
    <div className="space-y-6">
      <CreateForm label="create key" columns="sm:grid-cols-4" namePlaceholder="laptop scripts" submit="Create key" submitCell="sm:col-span-2" error={error} onSubmit={create}>
        <Field label="Models (comma-separated; empty: all)">
          <Input name="models" placeholder="glm-4.7-flash" />
        </Field>
        <ExpiryAndRateFields />
        <LimitField label="Tokens per minute" name="tpm" />
        <LimitField label="Requests in flight" name="maxInFlight" />
      </CreateForm>
      {secret && (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-800 bg-emerald-950/40 p-4 text-sm" data-testid="new-key">
          <p className="text-emerald-200">Copy this key now: it is shown only once and cannot be shown again.</p>
          <code className="block break-all rounded bg-zinc-950 px-3 py-2 font-mono text-emerald-100" data-testid="new-key-secret">
            {secret}
          </code>
          <pre className="overflow-x-auto rounded bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-300">{`from openai import OpenAI\nclient = OpenAI(base_url="${origin}/v1", api_key="${secret}")`}</pre>
          <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
            I have copied it
          </Button>
        </div>
      )}
      <DataTable columns={["Name", ...(showOwners ? ["Owner"] : []), "Key", "Models", "Limits", "Last used", "Status", ""]} count={keys.length} emptyText="No keys yet.">
        {keys.map((key) => (
          <DataRow key={key.id} data-testid={`key-${key.name}`}>
            <td className="py-2">{key.name}</td>
            {showOwners && <td>{key.ownerName}</td>}
            <td className="font-mono text-xs">{key.prefix}…</td>
            <td className="font-mono text-xs">{key.models?.join(", ") ?? "all"}</td>
            <td>{limitsOf(key)}</td>
            <td className="text-zinc-400">{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : "never"}</td>
            <td>{statusOf(key)}</td>
            <RevokeCell
              revocable={statusOf(key) === "active"}
              confirm={`Revoke ${key.name} (${key.prefix}…)? Scripts using it stop working at once.`}
              onRevoke={() => void run(() => callApi("DELETE", `/api/keys/${key.id}`))}
            />
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
