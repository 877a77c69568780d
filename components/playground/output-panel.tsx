"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { generateCode, type CodeLanguage } from "@/lib/playground/code-gen";
import type { PlaygroundKind, UpstreamBody } from "@/lib/playground/requests";
import { Button } from "../ui/button";
import { Tabs } from "../ui/tabs";
import { RunErrorBox } from "./result-meta";
import type { RunState } from "./use-playground-request";

export type RequestPreview = { ok: true; kind: PlaygroundKind; body: UpstreamBody } | { ok: false; problem: string };

const VIEWS = ["answer", "raw", "code"] as const;
type View = (typeof VIEWS)[number];

const LANGUAGES = [
  { value: "python", label: "Python" },
  { value: "typescript", label: "TypeScript" },
  { value: "curl", label: "curl" },
] as const;

/** An answer with its raw request/response and the same request as code. */
export function OutputPanel({ state, preview, baseUrl, children }: { state: RunState; preview: RequestPreview; baseUrl: string; children: React.ReactNode }) {
  const t = useTranslations("playground.output");
  const [view, setView] = useState<View>("answer");
  const views = VIEWS.map((value) => ({ value, label: t(value) }));
  return (
    <div className="space-y-3">
      <Tabs items={views} value={view} onChange={setView} label={t("label")} size="sm" />
      <RunErrorBox state={state} />
      {view === "answer" && children}
      {view === "raw" && <RawView state={state} />}
      {view === "code" && <CodeView preview={state.request ? { ok: true, kind: preview.ok ? preview.kind : "chat", body: state.request } : preview} baseUrl={baseUrl} />}
    </div>
  );
}

function RawView({ state }: { state: RunState }) {
  const t = useTranslations("playground.output");
  if (!state.request) return <p className="text-sm text-zinc-500">{t("rawEmpty")}</p>;
  const streamed = state.chunks.length > 0;
  return (
    <div className="grid gap-3 lg:grid-cols-2" data-testid="raw">
      <div>
        <h3 className="mb-1 text-xs uppercase text-zinc-500">{t("rawRequest")}</h3>
        <pre className="max-h-96 overflow-auto rounded bg-zinc-950 p-2 font-mono text-xs" data-testid="raw-request">
          {JSON.stringify(state.request, null, 2)}
        </pre>
      </div>
      <div>
        <h3 className="mb-1 text-xs uppercase text-zinc-500">{streamed ? t("rawResponseStreamed", { count: state.chunks.length }) : t("rawResponse")}</h3>
        <pre className="max-h-96 overflow-auto rounded bg-zinc-950 p-2 font-mono text-xs" data-testid="raw-response">
          {streamed ? state.chunks.map((data) => `data: ${data}`).join("\n\n") : JSON.stringify(state.response, null, 2)}
        </pre>
      </div>
    </div>
  );
}

function CodeView({ preview, baseUrl }: { preview: RequestPreview; baseUrl: string }) {
  const t = useTranslations("playground.output");
  const tc = useTranslations("common.actions");
  const [language, setLanguage] = useState<CodeLanguage>("python");
  const [copied, setCopied] = useState(false);
  if (!preview.ok) return <p className="text-sm text-amber-300">{t("fixFirst", { problem: preview.problem })}</p>;
  const code = generateCode(language, { kind: preview.kind, body: preview.body, baseUrl });
  return (
    <div className="space-y-2" data-testid="code-view">
      <div className="flex items-center gap-3">
        <Tabs items={LANGUAGES} value={language} onChange={setLanguage} label={t("codeLanguage")} size="sm" />
        <span className="text-xs text-zinc-500">{t("codeKeyHelp")}</span>
        <Button
          size="sm"
          variant="secondary"
          className="ml-auto"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? tc("copied") : tc("copy")}
        </Button>
      </div>
      <pre className="max-h-[28rem] overflow-auto rounded bg-zinc-950 p-3 font-mono text-xs" data-testid="code" data-language={language}>
        {code}
      </pre>
    </div>
  );
}
