"use client";

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
import { DEMO_TAB_LABELS, DEMO_TABS, demoLinkUnavailable, type DemoLinkView, type DemoTab } from "@/lib/demo-links";

/** Make a demo link for one instance (its URL shown once), list links with their use, revoke at once. */
export function DemoLinksManager({ initialLinks, instances }: { initialLinks: DemoLinkView[]; instances: { id: string; name: string }[] }) {
  const { data: links, error, run, submit } = useApiResource("/api/demo-links", (body: { links: DemoLinkView[] }) => body.links, initialLinks);
  const [url, setUrl] = useState<string | null>(null);

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
      <CreateForm label="create demo link" columns="sm:grid-cols-3" namePlaceholder="customer demo" submit="Create link" error={error} onSubmit={create}>
        <Field label="Instance">
          <Select name="instanceId" required>
            <NamedOptions items={instances} />
          </Select>
        </Field>
        <fieldset className="space-y-1 text-sm text-zinc-300">
          <legend>Tabs</legend>
          {DEMO_TABS.map((tab: DemoTab) => (
            <label key={tab} className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" name={`tab-${tab}`} defaultChecked={tab === "chat"} /> {DEMO_TAB_LABELS[tab]}
            </label>
          ))}
        </fieldset>
        <Field label="System prompt (fixed, optional)">
          <Textarea name="systemPrompt" rows={2} />
        </Field>
        <ExpiryAndRateFields />
        <LimitField label="Total tokens" name="maxTokens" />
      </CreateForm>
      {url && (
        <p role="status" className="rounded-lg border border-emerald-800 bg-emerald-950/40 p-3 text-sm text-emerald-200">
          Share this link (shown once): <code data-testid="demo-url">{url}</code>
        </p>
      )}
      <DataTable columns={["Name", "Instance", "Tabs", "Tokens used", "Status", ""]} count={links.length}>
        {links.map((link) => (
          <DataRow key={link.id} data-testid={`demo-link-${link.name}`}>
            <td className="py-2">{link.name}</td>
            <td>{instances.find((instance) => instance.id === link.instanceId)?.name ?? link.instanceId}</td>
            <td>{link.tabs.map((tab) => DEMO_TAB_LABELS[tab]).join(", ")}</td>
            <td>
              {link.usedTokens.toLocaleString()}
              {link.maxTokens !== null && ` / ${link.maxTokens.toLocaleString()}`}
            </td>
            <td>{demoLinkUnavailable(link) ?? "open"}</td>
            <RevokeCell revocable={!link.revokedAt} onRevoke={() => void run(() => callApi("DELETE", `/api/demo-links/${link.id}`))} />
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
