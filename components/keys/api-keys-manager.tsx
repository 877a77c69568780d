"use client";

import { useFormatter, useTranslations } from "next-intl";
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

// An example model name for the Models box: SGLang's served name, the same in every language.
const MODELS_EXAMPLE = "glm-4.7-flash";

type KeyStatus = "active" | "revoked" | "expired";

function statusOf(key: ApiKeyView): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return "expired";
  return "active";
}

/** The lines a Python script needs: the official SDK, only base_url and api_key changed (code, never translated). */
function pythonSnippet(origin: string, secret: string): string {
  return `from openai import OpenAI\nclient = OpenAI(base_url="${origin}/v1", api_key="${secret}")`;
}

/** Create a key (its secret shown once), list keys with their limits and last use, revoke at once. */
export function ApiKeysManager({ initialKeys, showOwners }: { initialKeys: ApiKeyView[]; showOwners: boolean }) {
  const { data: keys, error, run, submit } = useApiResource("/api/keys", (body: { keys: ApiKeyView[] }) => body.keys, initialKeys);
  const [secret, setSecret] = useState<string | null>(null);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const t = useTranslations("keys");
  const format = useFormatter();

  const limitsOf = (key: ApiKeyView): string => {
    const limits = [
      key.rpm && t("limits.rpm", { count: format.number(key.rpm) }),
      key.tpm && t("limits.tpm", { count: format.number(key.tpm) }),
      key.maxInFlight && t("limits.inFlight", { count: format.number(key.maxInFlight) }),
    ].filter((limit) => typeof limit === "string");
    // "60 req/min, 1,000 tokens/min" / "60 请求/分钟、1,000 tokens/分钟".
    return limits.length > 0 ? format.list(limits, { type: "conjunction", style: "narrow" }) : t("limits.none");
  };

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
      <CreateForm
        label={t("create.form")}
        columns="sm:grid-cols-4"
        namePlaceholder={t("create.namePlaceholder")}
        submit={t("create.submit")}
        submitCell="sm:col-span-2"
        error={error}
        onSubmit={create}
      >
        <Field label={t("create.models")}>
          <Input name="models" placeholder={MODELS_EXAMPLE} />
        </Field>
        <ExpiryAndRateFields />
        <LimitField label={t("create.tokensPerMinute")} name="tpm" />
        <LimitField label={t("create.inFlight")} name="maxInFlight" />
      </CreateForm>
      {secret && (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-800 bg-emerald-950/40 p-4 text-sm" data-testid="new-key">
          <p className="text-emerald-200">{t("secret.warning")}</p>
          <code className="block break-all rounded bg-zinc-950 px-3 py-2 font-mono text-emerald-100" data-testid="new-key-secret">
            {secret}
          </code>
          <pre className="overflow-x-auto rounded bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-300">{pythonSnippet(origin, secret)}</pre>
          <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
            {t("secret.copied")}
          </Button>
        </div>
      )}
      <DataTable
        columns={[t("table.name"), ...(showOwners ? [t("table.owner")] : []), t("table.key"), t("table.models"), t("table.limits"), t("table.lastUsed"), t("table.status"), ""]}
        count={keys.length}
        emptyText={t("table.empty")}
      >
        {keys.map((key) => (
          <DataRow key={key.id} data-testid={`key-${key.name}`}>
            <td className="py-2">{key.name}</td>
            {showOwners && <td>{key.ownerName}</td>}
            <td className="font-mono text-xs">{key.prefix}…</td>
            <td className="font-mono text-xs">{key.models?.join(", ") ?? t("allModels")}</td>
            <td>{limitsOf(key)}</td>
            <td className="text-zinc-400">{key.lastUsedAt ? format.dateTime(new Date(key.lastUsedAt), { dateStyle: "short", timeStyle: "short" }) : t("neverUsed")}</td>
            <td data-status={statusOf(key)}>{t(`status.${statusOf(key)}`)}</td>
            <RevokeCell
              revocable={statusOf(key) === "active"}
              confirm={t("revokeConfirm", { name: key.name, prefix: key.prefix })}
              onRevoke={() => void run(() => callApi("DELETE", `/api/keys/${key.id}`))}
            />
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
