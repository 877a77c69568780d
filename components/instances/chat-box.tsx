"use client";

import { callApi } from "@/components/api-client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChatReply } from "@/lib/instance-view";
import { Button } from "../ui/button";

interface Turn {
  role: "user" | "assistant";
  content: string;
  reasoning?: string | null;
}

/** A small chat with a ready instance, through the console's server route (the instance's address stays server-side). */
export function ChatBox({ instanceId, disabled }: { instanceId: string; disabled: boolean }) {
  const t = useTranslations("instances.chat");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    const history: Turn[] = [...turns, { role: "user", content: text }];
    setTurns(history);
    setDraft("");
    setBusy(true);
    setError(null);
    try {
      const { reply } = await callApi<{ reply: ChatReply }>("POST", `/api/instances/${instanceId}/chat`, { messages: history.map(({ role, content }) => ({ role, content })) });
      setTurns([...history, { role: "assistant", content: reply.content, reasoning: reply.reasoning }]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="chat">
      <ol className="space-y-2">
        {turns.map((turn, index) => (
          <li key={index} className={turn.role === "user" ? "text-zinc-300" : "text-zinc-100"} data-role={turn.role}>
            <span className="mr-2 text-xs uppercase text-zinc-500">{t(`role.${turn.role}`)}</span>
            {turn.reasoning && (
              <details className="my-1 rounded border border-zinc-800 bg-zinc-950/60 px-2 py-1 text-xs text-zinc-400">
                <summary className="cursor-pointer">{t("reasoning")}</summary>
                <p className="whitespace-pre-wrap">{turn.reasoning}</p>
              </details>
            )}
            <span className="whitespace-pre-wrap" data-testid={turn.role === "assistant" ? "assistant-message" : undefined}>
              {turn.content}
            </span>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="text-sm text-red-300">
          {error}
        </p>
      )}
      <form onSubmit={send} className="flex gap-2">
        <input
          className="flex-1 rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm"
          placeholder={disabled ? t("placeholderNotReady") : t("placeholder")}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          disabled={disabled || busy}
          aria-label={t("message")}
        />
        <Button type="submit" disabled={disabled || busy || !draft.trim()}>
          {busy ? t("waiting") : t("send")}
        </Button>
      </form>
    </div>
  );
}
