"use client";

import { useState } from "react";
import { buildChatBody, chatRequestSchema, type ChatMessage } from "@/lib/playground/requests";
import { assistantReplyOf, toolChoiceOf } from "@/lib/playground/tool-conversation";
import { GET_WEATHER_TOOL, parseToolDefinitions } from "@/lib/playground/tool-schema";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { ResultMeta } from "./result-meta";
import type { TabProps } from "./tab-props";
import { ToolComposer, ToolConversation, ToolDefinitionsField } from "./tool-conversation";
import { usePlaygroundRequest } from "./use-playground-request";

export const DEFAULT_TOOLS_TEXT = JSON.stringify([GET_WEATHER_TOOL], null, 2);

export function ToolsTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const { state: run, run: send, cancel, reset } = usePlaygroundRequest();
  const [draft, setDraft] = useState("What's the weather like in San Francisco today?");
  const toolsText = state.toolsText ?? DEFAULT_TOOLS_TEXT;
  const toolChoice = state.toolChoice ?? "auto";
  const messages = state.messages ?? [];
  const tools = parseToolDefinitions(toolsText);
  const running = run.status === "running";

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
    ? { ok: false, problem: "the tool definitions have problems" }
    : parsed?.success
      ? { ok: true, kind: "chat", body: buildChatBody(parsed.data, model) }
      : { ok: false, problem: parsed?.error.issues[0]?.message ?? "invalid" };

  async function ask(history: ChatMessage[]) {
    onState({ messages: history });
    const outcome = await send(instanceId, "chat", payloadFor(history));
    if (outcome.status !== "done") return;
    const { text, reasoning } = outcome.result;
    onState({ messages: [...history, assistantReplyOf(outcome.result)], output: { text, reasoning } });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="space-y-3">
        <ToolDefinitionsField
          toolsText={toolsText}
          tools={tools}
          toolChoice={toolChoice}
          onToolsText={(text) => onState({ toolsText: text })}
          onToolChoice={(value) => onState({ toolChoice: value })}
        />
        <OutputPanel state={run} preview={preview} baseUrl={baseUrl}>
          <ToolConversation messages={messages} run={run} />
          {run.status !== "idle" && !running && <ResultMeta result={run.result} stats={run.stats} />}
        </OutputPanel>
        <ToolComposer
          run={run}
          messages={messages}
          draft={draft}
          onDraft={setDraft}
          canSend={tools.ok}
          onAsk={(history) => void ask(history)}
          onCancel={cancel}
          onStartOver={() => {
            onState({ messages: [], output: undefined });
            reset();
          }}
        />
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat idPrefix="tools" />
    </div>
  );
}
