"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { PLAYGROUND_TABS, type PlaygroundTab, type TabState } from "@/lib/playground/session";
import { Tabs } from "../ui/tabs";
import { ChatTab } from "./chat-tab";
import { CompareTab, type InstanceChoice } from "./compare-tab";
import { CompletionsTab } from "./completions-tab";
import { SessionsBar } from "./sessions-bar";
import { StreamingTab } from "./streaming-tab";
import { ToolsTab } from "./tools-tab";

export interface PlaygroundInstance {
  id: string;
  name: string;
  phase: string;
  host: string;
  port: number;
  model: string;
}

/** The address a person reaches the instance at: a wildcard bind means "this box", as the browser names it. */
function reachableBaseUrl(host: string, port: number): string {
  const wildcard = host === "0.0.0.0" || host === "::" || host === "";
  const name = wildcard && typeof window !== "undefined" ? window.location.hostname : host;
  return `http://${name.includes(":") && !name.startsWith("[") ? `[${name}]` : name}:${port}`;
}

// Nothing here is keyed by the locale: switching the language re-renders the labels and keeps every typed prompt.
export function PlaygroundShell({ instance, instances }: { instance: PlaygroundInstance; instances: InstanceChoice[] }) {
  const t = useTranslations("playground.tabs");
  const tabItems = PLAYGROUND_TABS.map((value) => ({ value, label: t(value) }));
  const [tab, setTab] = useState<PlaygroundTab>("chat");
  const [states, setStates] = useState<Record<PlaygroundTab, TabState>>(() => Object.fromEntries(PLAYGROUND_TABS.map((t) => [t, { params: {} }])) as Record<PlaygroundTab, TabState>);
  // Panels stay mounted when hidden, so a stream keeps running while another tab is looked at.
  const patch = useCallback((which: PlaygroundTab) => (change: Partial<TabState>) => setStates((all) => ({ ...all, [which]: { ...all[which], ...change } })), []);
  const baseUrl = reachableBaseUrl(instance.host, instance.port);
  const common = { instanceId: instance.id, model: instance.model, baseUrl };

  return (
    <div className="space-y-4">
      <SessionsBar
        instanceId={instance.id}
        tab={tab}
        state={states[tab]}
        onOpen={(session) => {
          setTab(session.tab);
          setStates((all) => ({ ...all, [session.tab]: session.state }));
        }}
      />
      <Tabs items={tabItems} value={tab} onChange={setTab} label={t("label")} />
      {PLAYGROUND_TABS.map((which) => (
        <div key={which} role="tabpanel" hidden={which !== tab} data-testid={`tab-${which}`}>
          {which === "completions" && <CompletionsTab {...common} state={states.completions} onState={patch("completions")} />}
          {which === "chat" && <ChatTab {...common} state={states.chat} onState={patch("chat")} />}
          {which === "streaming" && <StreamingTab {...common} state={states.streaming} onState={patch("streaming")} />}
          {which === "tools" && <ToolsTab {...common} state={states.tools} onState={patch("tools")} />}
          {which === "compare" && <CompareTab {...common} state={states.compare} onState={patch("compare")} instances={instances} />}
        </div>
      ))}
    </div>
  );
}
