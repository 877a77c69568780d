"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import { Field } from "@/components/auth/auth-card";
import { CreateForm } from "@/components/create-form";
import { expiryOf, optionalNumber } from "@/components/form-values";
import { ExpiryAndRateFields, LimitField } from "@/components/limit-fields";
import { RevokeCell } from "@/components/revoke-cell";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { NamedOptions, Select, Textarea } from "@/components/ui/input";
import { useApiResource } from "@/components/use-api-resource";
import { DEMO_TABS, demoLinkUnavailability, type DemoLinkView, type DemoTab } from "@/lib/demo-links";

// "Chat, Streaming" / "对话、流式输出".
const LIST = { type: "conjunction", style: "narrow" } as const;
const statusOf = (link: DemoLinkView) => demoLinkUnavailability(link)?.code ?? "open";

/** Make a demo link for one instance (its URL shown once), list links with their use, revoke at once. */
export function DemoLinksManager({ initialLinks, instances }: { initialLinks: DemoLinkView[]; instances: { id: string; name: string }[] }) {
  const { data: links, error, run, submit } = useApiResource("/api/demo-links", (body: { links: DemoLinkView[] }) => body.links, initialLinks);
  const [url, setUrl] = useState<string | null>(null);
  const t = useTranslations("demo");
  const format = useFormatter();

  const create = submit(async (form) => {
    const tabs = DEMO_TABS.filter((tab) => form.get(`tab-${tab}`) === "on");
    const { token } = await callApi<{ token: string }>("POST", "/api/demo-links", {
      name: form.get("name"),
      instanceId: form.get("instanceId"),
      tabs: tabs.length > 0 ? tabs : ["chat"],
      ...(String(form.get("systemPrompt") ?? "").trim() ? { systemPrompt: form.get("systemPrompt") } : {}),
      ...expiryOf(form),
      rpm: optionalNumber(form.get("rpm")),
      maxTokens: optionalNumber(form.get("maxTokens")),
    });
    setUrl(`${window.location.origin}/demo/${token}`);
  });

  return (
    <div className="space-y-6">
      <CreateForm
        label={t("create.form")}
        columns="sm:grid-cols-3"
        namePlaceholder={t("create.namePlaceholder")}
        submit={t("create.submit")}
        error={error}
        onSubmit={create}
      >
        <Field label={t("create.instance")}>
          <Select name="instanceId" required>
            <NamedOptions items={instances} />
          </Select>
        </Field>
        <fieldset className="space-y-1 text-sm text-zinc-300">
          <legend>{t("create.tabs")}</legend>
          {DEMO_TABS.map((tab: DemoTab) => (
            <label key={tab} className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" name={`tab-${tab}`} defaultChecked={tab === "chat"} /> {t(`tabs.${tab}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t("create.systemPrompt")}>
          <Textarea name="systemPrompt" rows={2} />
        </Field>
        <ExpiryAndRateFields />
        <LimitField label={t("create.totalTokens")} name="maxTokens" />
      </CreateForm>
      {url && (
        <p role="status" className="rounded-lg border border-emerald-800 bg-emerald-950/40 p-3 text-sm text-emerald-200">
          {t("create.shareOnce")} <code data-testid="demo-url">{url}</code>
        </p>
      )}
      <DataTable columns={[t("table.name"), t("table.instance"), t("table.tabs"), t("table.tokensUsed"), t("table.status"), ""]} count={links.length}>
        {links.map((link) => (
          <DataRow key={link.id} data-testid={`demo-link-${link.name}`}>
            <td className="py-2">{link.name}</td>
            <td>{instances.find((instance) => instance.id === link.instanceId)?.name ?? link.instanceId}</td>
            <td>{format.list(link.tabs.map((tab) => t(`tabs.${tab}`)), LIST)}</td>
            <td>
              {format.number(link.usedTokens)}
              {link.maxTokens !== null && ` / ${format.number(link.maxTokens)}`}
            </td>
            <td data-status={statusOf(link)}>{t(`status.${statusOf(link)}`)}</td>
            <RevokeCell revocable={!link.revokedAt} onRevoke={() => void run(() => callApi("DELETE", `/api/demo-links/${link.id}`))} />
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
