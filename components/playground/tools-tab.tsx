"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buildChatBody, chatRequestSchema, type ChatMessage, type ToolChoice } from "@/lib/playground/requests";
import { mockToolResult } from "@/lib/playground/tool-mock";
import { GET_WEATHER_TOOL, parseToolDefinitions, type ToolProblem } from "@/lib/playground/tool-schema";
import { Button } from "../ui/button";
import { AnswerText, ReasoningBlock, ToolCallCard } from "./answer-view";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { ResultMeta } from "./result-meta";
import { textArea, type TabProps } from "./tab-props";
import { usePlaygroundRequest } from "./use-playground-request";

export const DEFAULT_TOOLS_TEXT = JSON.stringify([GET_WEATHER_TOOL], null, 2);

// tool_choice as SGLang reads it; a tool's name is added per defined tool.
const TOOL_CHOICES = ["auto", "none", "required"] as const;

function toolChoiceOf(value: string): ToolChoice {
  return value.startsWith("name:") ? { name: value.slice(5) } : (value as "auto" | "none" | "required");
}

export function ToolsTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const t = useTranslations("playground");
  const { state: run, run: send, cancel, reset } = usePlaygroundRequest();
  const [draft, setDraft] = useState(() => t("tools.defaultMessage"));
  const [results, setResults] = useState<Record<string, string>>({});
  const toolsText = state.toolsText ?? DEFAULT_TOOLS_TEXT;
  const toolChoice = state.toolChoice ?? "auto";
  const messages = state.messages ?? [];
  const tools = parseToolDefinitions(toolsText);
  const open = openCalls(messages);
  const running = run.status === "running";
  // An answer SGLang failed part-way is not added to the conversation, but what arrived stays in view.
  const failedPartWay = run.status === "error" && run.result.error !== null;

  const payloadFor = (history: ChatMessage[]) => ({
    messages: history,
    params: state.params,
    tools: tools.ok ? tools.tools : [],
    toolChoice: toolChoiceOf(toolChoice),
    stream: true,
  });
  const previewMessages: ChatMessage[] = messages.length > 0 ? messages : [{ role: "user", content: draft }];
  const parsed = tools.ok ? chatRequestSchema.safeParse(payloadFor(previewMessages)) : null;
  const preview: RequestPreview = !tools.ok
    ? { ok: false, problem: t("tools.definitionsHaveProblems") }
    : parsed?.success
      ? { ok: true, kind: "chat", body: buildChatBody(parsed.data, model) }
      : { ok: false, problem: parsed?.error.issues[0]?.message ?? t("failures.invalid") };

  async function ask(history: ChatMessage[]) {
    onState({ messages: history });
    const outcome = await send(instanceId, "chat", payloadFor(history));
    if (outcome.status !== "done") return;
    const { text, toolCalls, reasoning } = outcome.result;
    const reply: ChatMessage =
      toolCalls.length > 0
        ? { role: "assistant", content: text || null, tool_calls: toolCalls.map((c) => ({ id: c.id, type: "function" as const, function: { name: c.name, arguments: c.arguments } })) }
        : { role: "assistant", content: text };
    onState({ messages: [...history, reply], output: { text, reasoning } });
  }

  function problemText(problem: ToolProblem): string {
    const { reason, path } = problem;
    if (!reason) return problem.message;
    if (reason.key === "invalidJson") return t("tools.problems.invalidJson", { line: problem.line ?? 1, column: problem.column ?? 1, detail: reason.detail });
    const text = reason.key === "definedTwice" ? t("tools.problems.definedTwice", { name: reason.name }) : t(`tools.problems.${reason.key}`);
    return path ? t("tools.problems.atPath", { path, problem: text }) : text;
  }

  function sendResults() {
    const toolMessages: ChatMessage[] = open.map((call) => ({ role: "tool", tool_call_id: call.id, content: results[call.id] ?? "" }));
    setResults({});
    void ask([...messages, ...toolMessages]);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-3">
        <div className="grid gap-3 md:grid-cols-[1fr_12rem]">
          <label className="block text-xs uppercase text-zinc-500">
            {t("tools.definitionsLabel")}
            <textarea
              aria-label={t("tools.definitions")}
              spellCheck={false}
              className={`${textArea} mt-1 h-56 font-mono text-xs ${tools.ok ? "" : "border-red-700"}`}
              value={toolsText}
              onChange={(e) => onState({ toolsText: e.target.value })}
            />
          </label>
          <label className="block text-xs uppercase text-zinc-500">
            tool_choice
            <select aria-label="tool_choice" className={`${textArea} mt-1`} value={toolChoice} onChange={(e) => onState({ toolChoice: e.target.value })}>
              {TOOL_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
              {tools.ok && tools.tools.map((t) => <option key={t.function.name} value={`name:${t.function.name}`}>{t.function.name}</option>)}
            </select>
          </label>
        </div>
        {!tools.ok && (
          <ul role="alert" data-testid="tool-problems" className="space-y-1 rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-xs text-red-200">
            {tools.problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        )}
        <OutputPanel state={run} preview={preview} baseUrl={baseUrl}>
          <ol className="space-y-2" data-testid="tool-conversation">
            {messages.map((message, index) => (
              <li key={index} data-role={message.role} className="rounded border border-zinc-800 p-2 text-sm">
                <div className="mb-1 text-xs uppercase text-zinc-500">{message.role === "tool" ? t("tools.toolResult", { id: message.tool_call_id }) : t(`roles.${message.role}`)}</div>
                {message.role === "assistant" && message.tool_calls?.map((call) => (
                  <ToolCallCard key={call.id} call={{ index: 0, id: call.id, name: call.function.name, arguments: call.function.arguments }} />
                ))}
                {message.role === "tool" ? <pre className="whitespace-pre-wrap font-mono text-xs">{message.content}</pre> : message.content && <AnswerText text={message.content} markdown={message.role === "assistant"} />}
              </li>
            ))}
            {(running || failedPartWay) && (
              <li className="space-y-2 p-2" data-testid="tool-pending">
                <ReasoningBlock text={run.result.reasoning} />
                <AnswerText text={run.result.text} markdown={false} />
                {run.result.toolCalls.map((call) => (
                  <ToolCallCard key={call.index} call={call} />
                ))}
              </li>
            )}
          </ol>
          {run.status !== "idle" && !running && <ResultMeta result={run.result} stats={run.stats} />}
        </OutputPanel>
        {open.length > 0 && !running ? (
          <div className="space-y-2 rounded border border-violet-900 p-3">
            {open.map((call) => (
              <label key={call.id} className="block text-xs text-zinc-400">
                {t.rich("tools.resultOf", { name: call.function.name, id: call.id, fn: (name) => <span className="font-mono text-violet-300">{name}</span> })}
                <div className="mt-1 flex gap-2">
                  <textarea
                    aria-label={t("tools.resultOfLabel", { name: call.function.name })}
                    className={`${textArea} h-14 font-mono text-xs`}
                    value={results[call.id] ?? ""}
                    onChange={(e) => setResults({ ...results, [call.id]: e.target.value })}
                  />
                  <Button size="sm" variant="secondary" onClick={() => setResults({ ...results, [call.id]: mockToolResult(call.function.name, call.function.arguments) })}>
                    {t("actions.mock")}
                  </Button>
                </div>
              </label>
            ))}
            <Button onClick={sendResults} disabled={open.some((call) => !(results[call.id] ?? "").trim())}>
              {t("actions.sendToolResults")}
            </Button>
          </div>
        ) : (
          <div className="flex gap-2">
            {messages.length === 0 && (
              <input aria-label={t("message")} className={`${textArea} flex-1`} value={draft} onChange={(e) => setDraft(e.target.value)} />
            )}
            {running ? (
              <Button variant="danger" onClick={cancel}>
                {t("actions.stop")}
              </Button>
            ) : (
              messages.length === 0 && (
                <Button disabled={!tools.ok || !draft.trim()} onClick={() => void ask([{ role: "user", content: draft }])}>
                  {t("actions.send")}
                </Button>
              )
            )}
            {messages.length > 0 && !running && (
              <Button
                variant="secondary"
                onClick={() => {
                  onState({ messages: [], output: undefined });
                  reset();
                }}
              >
                {t("actions.startOver")}
              </Button>
            )}
          </div>
        )}
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat idPrefix="tools" />
    </div>
  );
}

/** Tool calls of the last assistant message that have no tool result yet. */
function openCalls(messages: ChatMessage[]) {
  const last = [...messages].reverse().find((m) => m.role === "assistant");
  if (!last || last.role !== "assistant" || !last.tool_calls) return [];
  const answered = new Set(messages.filter((m) => m.role === "tool").map((m) => (m.role === "tool" ? m.tool_call_id : "")));
  return last.tool_calls.filter((call) => !answered.has(call.id));
}
