"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { DemoTab } from "@/lib/demo-links";
import { createSseParser } from "@/lib/playground/sse";
import { retryAfterSeconds } from "@/lib/retry-after";
import { DemoToolsTab } from "./demo-tools-tab";
import { useDemoErrorText } from "./use-demo-error-text";

interface Turn {
  role: "user" | "assistant";
  content: string;
  reasoning?: string;
}

interface Stats {
  ttftMs: number;
  tokensPerS: number;
}

/**
 * A visitor's chat with the demo's model, streamed; the Streaming tab also shows time to first token and tokens/s;
 * the Tool calling tab is the playground's, through the link.
 */
export function DemoChat({ token, tabs, title }: { token: string; tabs: DemoTab[]; title: string }) {
  const [tab, setTab] = useState<DemoTab>(tabs[0]!);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const abort = useRef<AbortController | null>(null);
  const t = useTranslations("demo");
  const format = useFormatter();
  const errorText = useDemoErrorText();

  async function send() {
    const history: Turn[] = [...turns, { role: "user", content: draft }];
    setTurns([...history, { role: "assistant", content: "" }]);
    setDraft("");
    setBusy(true);
    setError(null);
    setStats(null);
    abort.current = new AbortController();
    const started = performance.now();
    let first: number | null = null;
    let chunks = 0;
    let answer: Turn = { role: "assistant", content: "", reasoning: "" };
    try {
      const response = await fetch(`/api/demo/${token}/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: history.map(({ role, content }) => ({ role, content })) }),
        signal: abort.current.signal,
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string; code?: string | null } } | null;
        throw new Error(body?.error?.message ? errorText({ code: body.error.code, message: body.error.message, retryAfterS: retryAfterSeconds(response.headers.get("retry-after")) }) : t("visitor.httpStatus", { status: response.status }));
      }
      const parser = createSseParser((event) => {
        if (event.data === "[DONE]") return;
        const chunk = JSON.parse(event.data) as { error?: { message?: string }; choices?: { delta?: { content?: string; reasoning_content?: string } }[] };
        if (chunk.error) throw new Error(chunk.error.message ?? t("visitor.modelFailed"));
        const delta = chunk.choices?.[0]?.delta;
        if (!delta?.content && !delta?.reasoning_content) return;
        first ??= performance.now();
        chunks += 1;
        answer = { ...answer, content: answer.content + (delta.content ?? ""), reasoning: (answer.reasoning ?? "") + (delta.reasoning_content ?? "") };
        setTurns([...history, answer]);
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      parser.end();
      if (first !== null) setStats({ ttftMs: first - started, tokensPerS: chunks > 1 ? ((chunks - 1) * 1000) / (performance.now() - first) : 0 });
    } catch (failure) {
      if (!abort.current.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4" data-testid="demo-chat">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {tabs.length > 1 &&
          tabs.map((name) => (
            <Button key={name} size="sm" variant={name === tab ? "secondary" : "ghost"} onClick={() => setTab(name)}>
              {t(`tabs.${name}`)}
            </Button>
          ))}
      </div>
      {tab === "tools" ? (
        <DemoToolsTab token={token} />
      ) : (
        <>
          <div className="space-y-3">
            {turns.map((turn, i) => (
              <div key={i} className={turn.role === "user" ? "text-zinc-100" : "rounded-md border border-zinc-800 bg-zinc-900/60 p-3 text-zinc-200"} data-testid={`turn-${turn.role}`}>
                {turn.reasoning && (
                  <details className="mb-2 text-xs text-zinc-500">
                    <summary>{t("visitor.reasoning")}</summary>
                    <p className="whitespace-pre-wrap">{turn.reasoning}</p>
                  </details>
                )}
                <p className="whitespace-pre-wrap">{turn.content}</p>
              </div>
            ))}
          </div>
          {tab === "streaming" && stats && (
            <p className="font-mono text-xs text-zinc-400" data-testid="demo-stats">
              {t("visitor.stats", {
                ttft: format.number(stats.ttftMs, { maximumFractionDigits: 0 }),
                rate: format.number(stats.tokensPerS, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
              })}
            </p>
          )}
          {error && (
            <p role="alert" className="rounded-md border border-red-800 bg-red-950/50 px-3 py-2 text-sm text-red-200">
              {error}
            </p>
          )}
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (draft.trim() && !busy) void send();
            }}
          >
            <Textarea aria-label={t("visitor.message")} value={draft} onChange={(event) => setDraft(event.target.value)} rows={2} />
            {busy ? (
              <Button variant="secondary" className="shrink-0" onClick={() => abort.current?.abort()}>
                {t("visitor.stop")}
              </Button>
            ) : (
              <Button type="submit" className="shrink-0" disabled={!draft.trim()}>
                {t("visitor.send")}
              </Button>
            )}
          </form>
        </>
      )}
    </div>
  );
}
