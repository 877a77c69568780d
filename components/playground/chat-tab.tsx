"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSchemaIssueText } from "@/components/i18n/use-schema-issue-text";
import { buildChatBody, chatRequestSchema, type ChatMessage } from "@/lib/playground/requests";
import { Button } from "../ui/button";
import { AnswerText, ReasoningBlock } from "./answer-view";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { ResultMeta } from "./result-meta";
import { textArea, type TabProps } from "./tab-props";
import { usePlaygroundRequest } from "./use-playground-request";

type Turn = Extract<ChatMessage, { role: "user" | "assistant" }>;

export function ChatTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const t = useTranslations("playground");
  const schemaText = useSchemaIssueText();
  const tc = useTranslations("common.actions");
  const { state: run, run: send, cancel, reset } = usePlaygroundRequest();
  const [draft, setDraft] = useState("");
  const [stream, setStream] = useState(true);
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const system = state.system ?? "";
  const turns = (state.messages ?? []).filter((m): m is Turn => m.role === "user" || m.role === "assistant");
  const reasoning = state.reasoning ?? {};

  const payloadFor = (history: Turn[]) => ({
    messages: [...(system.trim() ? [{ role: "system" as const, content: system }] : []), ...history],
    params: state.params,
    stream,
  });
  const pending = draft.trim() ? [...turns, { role: "user" as const, content: draft }] : turns;
  const parsed = chatRequestSchema.safeParse(payloadFor(pending.length > 0 ? pending : [{ role: "user", content: "…" }]));
  const preview: RequestPreview = parsed.success ? { ok: true, kind: "chat", body: buildChatBody(parsed.data, model) } : { ok: false, problem: schemaText.firstProblem(parsed.error.issues) ?? t("failures.invalid") };

  async function ask(history: Turn[]) {
    onState({ messages: history, reasoning: pruneReasoning(reasoning, history.length) });
    const outcome = await send(instanceId, "chat", payloadFor(history));
    const answered = outcome.status === "done" || (outcome.status === "cancelled" && outcome.result.text.length > 0);
    if (!answered) return;
    const next: Turn[] = [...history, { role: "assistant", content: outcome.result.text }];
    const nextReasoning = { ...pruneReasoning(reasoning, history.length), ...(outcome.result.reasoning ? { [history.length]: outcome.result.reasoning } : {}) };
    onState({ messages: next, reasoning: nextReasoning, output: { text: outcome.result.text, reasoning: outcome.result.reasoning } });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!draft.trim() || run.status === "running") return;
    const history: Turn[] = [...turns, { role: "user", content: draft }];
    setDraft("");
    void ask(history);
  }

  const running = run.status === "running";
  // An answer SGLang failed part-way is not added to the conversation, but what arrived stays in view.
  const failedPartWay = run.status === "error" && run.result.error !== null;
  const lastAssistant = turns.length > 0 && turns[turns.length - 1]!.role === "assistant";

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-3">
        <label className="block text-xs uppercase text-zinc-500">
          {t("chat.systemPrompt")}
          <textarea aria-label={t("chat.systemPrompt")} className={`${textArea} mt-1 h-16`} value={system} placeholder={t("chat.systemPromptEmpty")} onChange={(e) => onState({ system: e.target.value })} />
        </label>
        <OutputPanel state={run} preview={preview} baseUrl={baseUrl}>
          <ol className="space-y-3" data-testid="chat-messages">
            {turns.map((turn, index) => (
              <li key={index} data-role={turn.role} data-testid={`chat-${turn.role}`} className={turn.role === "user" ? "rounded bg-zinc-900 p-2" : "p-2"}>
                <div className="mb-1 flex items-center gap-2 text-xs uppercase text-zinc-500">
                  {t(`roles.${turn.role}`)}
                  {turn.role === "user" && !running && (
                    <button type="button" className="normal-case text-sky-400 hover:underline" onClick={() => setEditing({ index, text: turn.content })}>
                      {t("actions.edit")}
                    </button>
                  )}
                  {turn.role === "assistant" && index === turns.length - 1 && !running && (
                    <button type="button" className="normal-case text-sky-400 hover:underline" onClick={() => void ask(turns.slice(0, index))}>
                      {t("actions.regenerate")}
                    </button>
                  )}
                </div>
                {editing?.index === index ? (
                  <div className="space-y-2">
                    <textarea aria-label={t("chat.editMessage")} className={`${textArea} h-20`} value={editing.text} onChange={(e) => setEditing({ index, text: e.target.value })} />
                    <div className="flex gap-2">
                      <Button
                        size="sm"
                        disabled={!editing.text.trim()}
                        onClick={() => {
                          setEditing(null);
                          void ask([...turns.slice(0, index), { role: "user", content: editing.text }]);
                        }}
                      >
                        {t("actions.saveAndRegenerate")}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                        {tc("cancel")}
                      </Button>
                    </div>
                  </div>
                ) : turn.role === "assistant" ? (
                  <div className="space-y-2" data-testid="assistant-message">
                    <ReasoningBlock text={reasoning[index] ?? ""} />
                    <AnswerText text={turn.content ?? ""} markdown />
                  </div>
                ) : (
                  <p className="whitespace-pre-wrap text-sm">{turn.content}</p>
                )}
              </li>
            ))}
            {(running || failedPartWay) && (
              <li data-testid="chat-pending" className="space-y-2 p-2">
                <div className="text-xs uppercase text-zinc-500">
                  {t("roles.assistant")} · {t(`chat.pending.${failedPartWay ? "failed" : run.result.text || run.result.reasoning ? "writing" : "waiting"}`)}
                </div>
                <ReasoningBlock text={run.result.reasoning} open />
                <AnswerText text={run.result.text} markdown={false} />
              </li>
            )}
          </ol>
          {run.status !== "idle" && !running && <ResultMeta result={run.result} stats={run.stats} />}
        </OutputPanel>
        <form onSubmit={submit} className="flex gap-2">
          <textarea
            aria-label={t("message")}
            className={`${textArea} h-12 flex-1`}
            placeholder={t("chat.placeholder")}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) submit(e);
            }}
          />
          <div className="flex flex-col gap-1">
            {running ? (
              <Button variant="danger" onClick={cancel}>
                {t("actions.stop")}
              </Button>
            ) : (
              <Button type="submit" disabled={!draft.trim()}>
                {t("actions.send")}
              </Button>
            )}
            <Button
              variant="ghost"
              size="sm"
              disabled={running || (turns.length === 0 && !lastAssistant)}
              onClick={() => {
                onState({ messages: [], reasoning: {}, output: undefined });
                reset();
              }}
            >
              {t("actions.clear")}
            </Button>
          </div>
        </form>
        <label className="flex items-center gap-2 text-sm text-zinc-400">
          <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} /> {t("chat.streamToggle")}
        </label>
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat idPrefix="chat" />
    </div>
  );
}

function pruneReasoning(reasoning: Record<string, string>, length: number): Record<string, string> {
  return Object.fromEntries(Object.entries(reasoning).filter(([index]) => Number(index) < length));
}
