"use client";

import { useState } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ApiKeyView } from "@/lib/api-keys";

const optionalNumber = (value: FormDataEntryValue | null) => (value && String(value).trim() !== "" ? Number(value) : undefined);

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
  const [keys, setKeys] = useState(initialKeys);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  const reload = async () => setKeys((await callApi<{ keys: ApiKeyView[] }>("GET", "/api/keys")).keys);

  const create = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const models = String(form.get("models") ?? "")
      .split(",")
      .map((model) => model.trim())
      .filter(Boolean);
    const expires = String(form.get("expiresAt") ?? "");
    setError(null);
    try {
      const created = await callApi<{ secret: string }>("POST", "/api/keys", {
        name: form.get("name"),
        ...(models.length > 0 ? { models } : {}),
        ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
        rpm: optionalNumber(form.get("rpm")),
        tpm: optionalNumber(form.get("tpm")),
        maxInFlight: optionalNumber(form.get("maxInFlight")),
      });
      setSecret(created.secret);
      formElement.reset();
      await reload();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    }
  };

  const revoke = async (key: ApiKeyView) => {
    if (!window.confirm(`Revoke ${key.name} (${key.prefix}…)? Scripts using it stop working at once.`)) return;
    try {
      await callApi("DELETE", `/api/keys/${key.id}`);
      await reload();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    }
  };

  return (
    <div className="space-y-6">
      <form onSubmit={(event) => void create(event)} aria-label="create key" className="grid gap-3 rounded-lg border border-zinc-800 p-4 sm:grid-cols-4">
        <Field label="Name">
          <Input name="name" required maxLength={100} placeholder="laptop scripts" />
        </Field>
        <Field label="Models (comma-separated; empty: all)">
          <Input name="models" placeholder="glm-4.7-flash" />
        </Field>
        <Field label="Expires">
          <Input name="expiresAt" type="datetime-local" />
        </Field>
        <Field label="Requests per minute">
          <Input name="rpm" type="number" min={1} />
        </Field>
        <Field label="Tokens per minute">
          <Input name="tpm" type="number" min={1} />
        </Field>
        <Field label="Requests in flight">
          <Input name="maxInFlight" type="number" min={1} />
        </Field>
        <div className="flex items-end sm:col-span-2">
          <Button type="submit">Create key</Button>
        </div>
      </form>
      <FormError message={error} />
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
      <table className="w-full text-sm">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Name</th>
            {showOwners && <th>Owner</th>}
            <th>Key</th>
            <th>Models</th>
            <th>Limits</th>
            <th>Last used</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t border-zinc-800" data-testid={`key-${key.name}`}>
              <td className="py-2">{key.name}</td>
              {showOwners && <td>{key.ownerName}</td>}
              <td className="font-mono text-xs">{key.prefix}…</td>
              <td className="font-mono text-xs">{key.models?.join(", ") ?? "all"}</td>
              <td>{limitsOf(key)}</td>
              <td className="text-zinc-400">{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : "never"}</td>
              <td>{statusOf(key)}</td>
              <td className="text-right">
                {statusOf(key) === "active" && (
                  <Button size="sm" variant="danger" onClick={() => void revoke(key)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 && <p className="text-sm text-zinc-500">No keys yet.</p>}
    </div>
  );
}
