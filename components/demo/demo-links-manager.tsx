"use client";

import { useState } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { DEMO_TAB_LABELS, DEMO_TABS, demoLinkUnavailable, type DemoLinkView, type DemoTab } from "@/lib/demo-links";

const optionalNumber = (value: FormDataEntryValue | null) => (value && String(value).trim() !== "" ? Number(value) : undefined);

/** Make a demo link for one instance (its URL shown once), list links with their use, revoke at once. */
export function DemoLinksManager({ initialLinks, instances }: { initialLinks: DemoLinkView[]; instances: { id: string; name: string }[] }) {
  const [links, setLinks] = useState(initialLinks);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setLinks((await callApi<{ links: DemoLinkView[] }>("GET", "/api/demo-links")).links);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    }
  };

  const create = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const tabs = DEMO_TABS.filter((tab) => form.get(`tab-${tab}`) === "on");
    const expires = String(form.get("expiresAt") ?? "");
    void run(async () => {
      const { token } = await callApi<{ token: string }>("POST", "/api/demo-links", {
        name: form.get("name"),
        instanceId: form.get("instanceId"),
        tabs: tabs.length > 0 ? tabs : ["chat"],
        ...(String(form.get("systemPrompt") ?? "").trim() ? { systemPrompt: form.get("systemPrompt") } : {}),
        ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
        rpm: optionalNumber(form.get("rpm")),
        maxTokens: optionalNumber(form.get("maxTokens")),
      });
      setUrl(`${window.location.origin}/demo/${token}`);
      formElement.reset();
    });
  };

  return (
    <div className="space-y-6">
      <form onSubmit={create} aria-label="create demo link" className="grid gap-3 rounded-lg border border-zinc-800 p-4 sm:grid-cols-3">
        <Field label="Name">
          <Input name="name" required maxLength={100} placeholder="customer demo" />
        </Field>
        <Field label="Instance">
          <Select name="instanceId" required>
            {instances.map((instance) => (
              <option key={instance.id} value={instance.id}>
                {instance.name}
              </option>
            ))}
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
        <Field label="Expires">
          <Input name="expiresAt" type="datetime-local" />
        </Field>
        <Field label="Requests per minute">
          <Input name="rpm" type="number" min={1} />
        </Field>
        <Field label="Total tokens">
          <Input name="maxTokens" type="number" min={1} />
        </Field>
        <div className="flex items-end">
          <Button type="submit">Create link</Button>
        </div>
      </form>
      <FormError message={error} />
      {url && (
        <p role="status" className="rounded-lg border border-emerald-800 bg-emerald-950/40 p-3 text-sm text-emerald-200">
          Share this link (shown once): <code data-testid="demo-url">{url}</code>
        </p>
      )}
      <table className="w-full text-sm">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Name</th>
            <th>Instance</th>
            <th>Tabs</th>
            <th>Tokens used</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} className="border-t border-zinc-800" data-testid={`demo-link-${link.name}`}>
              <td className="py-2">{link.name}</td>
              <td>{instances.find((instance) => instance.id === link.instanceId)?.name ?? link.instanceId}</td>
              <td>{link.tabs.map((tab) => DEMO_TAB_LABELS[tab]).join(", ")}</td>
              <td>
                {link.usedTokens.toLocaleString()}
                {link.maxTokens !== null && ` / ${link.maxTokens.toLocaleString()}`}
              </td>
              <td>{demoLinkUnavailable(link) ?? "open"}</td>
              <td className="text-right">
                {!link.revokedAt && (
                  <Button size="sm" variant="danger" onClick={() => void run(() => callApi("DELETE", `/api/demo-links/${link.id}`))}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
