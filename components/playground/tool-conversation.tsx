"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { openToolCalls, toolResultMessages } from "@/lib/playground/tool-conversation";
import type { ChatMessage, ToolCall } from "@/lib/playground/requests";
import { mockToolResult } from "@/lib/playground/tool-mock";
import type { ToolParseResult, ToolProblem } from "@/lib/playground/tool-schema";
import { Button } from "../ui/button";
import { AnswerText, ReasoningBlock, ToolCallCard } from "./answer-view";
import { textArea } from "./tab-props";
import type { RunState } from "./use-playground-request";

// tool_choice as SGLang reads it; a tool's name is added per defined tool.
const TOOL_CHOICES = ["auto", "none", "required"] as const;

/** The tool definitions as JSON, their problems, and `tool_choice` (one option per defined function). */
export function ToolDefinitionsField({
  toolsText,
  tools,
  toolChoice,
  onToolsText,
  onToolChoice,
}: {
  toolsText: string;
  tools: ToolParseResult;
  toolChoice: string;
  onToolsText: (text: string) => void;
  onToolChoice: (value: string) => void;
}) {
  const t = useTranslations("playground");
  function problemText(problem: ToolProblem): string {
    const { reason, path } = problem;
    if (!reason) return problem.message;
    if (reason.key === "invalidJson") return t("tools.problems.invalidJson", { line: problem.line ?? 1, column: problem.column ?? 1, detail: reason.detail });
    const text = reason.key === "definedTwice" ? t("tools.problems.definedTwice", { name: reason.name }) : t(`tools.problems.${reason.key}`);
    return path ? t("tools.problems.atPath", { path, problem: text }) : text;
  }
  return (
    <>
      <div className="grid gap-3 md:grid-cols-[1fr_12rem]">
        <label className="block text-xs uppercase text-zinc-500">
          {t("tools.definitionsLabel")}
          <textarea
            aria-label={t("tools.definitions")}
            spellCheck={false}
            className={`${textArea} mt-1 h-56 font-mono text-xs ${tools.ok ? "" : "border-red-700"}`}
            value={toolsText}
            onChange={(e) => onToolsText(e.target.value)}
          />
        </label>
        <label className="block text-xs uppercase text-zinc-500">
          tool_choice
          <select aria-label="tool_choice" className={`${textArea} mt-1`} value={toolChoice} onChange={(e) => onToolChoice(e.target.value)}>
            {TOOL_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
            {tools.ok && tools.tools.map((tool) => <option key={tool.function.name} value={`name:${tool.function.name}`}>{tool.function.name}</option>)}
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
    </>
  );
}

/** The conversation with its tool calls and tool results; the answer still arriving (or failed part-way) below it. */
export function ToolConversation({ messages, run }: { messages: ChatMessage[]; run: RunState }) {
  const t = useTranslations("playground");
  // An answer SGLang failed part-way is not added to the conversation, but what arrived stays in view.
  const pending = run.status === "running" || (run.status === "error" && run.result.error !== null);
  return (
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
      {pending && (
        <li className="space-y-2 p-2" data-testid="tool-pending">
          <ReasoningBlock text={run.result.reasoning} />
          <AnswerText text={run.result.text} markdown={false} />
          {run.result.toolCalls.map((call) => (
            <ToolCallCard key={call.index} call={call} />
          ))}
        </li>
      )}
    </ol>
  );
}

/**
 * Below the conversation: a result for each open tool call (typed or mocked, then sent back with the conversation),
 * or the first message, Stop while an answer arrives, and Start over.
 */
export function ToolComposer({
  run,
  messages,
  draft,
  onDraft,
  canSend,
  onAsk,
  onCancel,
  onStartOver,
}: {
  run: RunState;
  messages: ChatMessage[];
  draft: string;
  onDraft: (draft: string) => void;
  canSend: boolean;
  onAsk: (history: ChatMessage[]) => void;
  onCancel: () => void;
  onStartOver: () => void;
}) {
  const t = useTranslations("playground");
  const [results, setResults] = useState<Record<string, string>>({});
  const running = run.status === "running";
  const open = openToolCalls(messages);
  if (open.length > 0 && !running) {
    return (
      <ToolResultsForm
        calls={open}
        results={results}
        onResults={setResults}
        onSend={() => {
          setResults({});
          onAsk([...messages, ...toolResultMessages(open, results)]);
        }}
      />
    );
  }
  return (
    <div className="flex gap-2">
      {messages.length === 0 && <input aria-label={t("message")} className={`${textArea} flex-1`} value={draft} onChange={(e) => onDraft(e.target.value)} />}
      {running ? (
        <Button variant="danger" onClick={onCancel}>
          {t("actions.stop")}
        </Button>
      ) : (
        messages.length === 0 && (
          <Button disabled={!canSend || !draft.trim()} onClick={() => onAsk([{ role: "user", content: draft }])}>
            {t("actions.send")}
          </Button>
        )
      )}
      {messages.length > 0 && !running && (
        <Button variant="secondary" onClick={onStartOver}>
          {t("actions.startOver")}
        </Button>
      )}
    </div>
  );
}

function ToolResultsForm({
  calls,
  results,
  onResults,
  onSend,
}: {
  calls: ToolCall[];
  results: Record<string, string>;
  onResults: (results: Record<string, string>) => void;
  onSend: () => void;
}) {
  const t = useTranslations("playground");
  return (
    <div className="space-y-2 rounded border border-violet-900 p-3">
      {calls.map((call) => (
        <label key={call.id} className="block text-xs text-zinc-400">
          {t.rich("tools.resultOf", { name: call.function.name, id: call.id, fn: (name) => <span className="font-mono text-violet-300">{name}</span> })}
          <div className="mt-1 flex gap-2">
            <textarea
              aria-label={t("tools.resultOfLabel", { name: call.function.name })}
              className={`${textArea} h-14 font-mono text-xs`}
              value={results[call.id] ?? ""}
              onChange={(e) => onResults({ ...results, [call.id]: e.target.value })}
            />
            <Button size="sm" variant="secondary" onClick={() => onResults({ ...results, [call.id]: mockToolResult(call.function.name, call.function.arguments) })}>
              {t("actions.mock")}
            </Button>
          </div>
        </label>
      ))}
      <Button onClick={onSend} disabled={calls.some((call) => !(results[call.id] ?? "").trim())}>
        {t("actions.sendToolResults")}
      </Button>
    </div>
  );
}
