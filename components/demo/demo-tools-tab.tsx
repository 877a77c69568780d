"use client";

import { useState } from "react";
import { ResultMeta } from "@/components/playground/result-meta";
import { ToolComposer, ToolConversation, ToolDefinitionsField } from "@/components/playground/tool-conversation";
import { DEFAULT_TOOLS_TEXT } from "@/components/playground/tools-tab";
import { usePlaygroundRequest } from "@/components/playground/use-playground-request";
import type { DemoChatInput } from "@/lib/demo-links";
import { toUpstreamToolChoice, type ChatMessage } from "@/lib/playground/requests";
import { assistantReplyOf, toolChoiceOf } from "@/lib/playground/tool-conversation";
import { parseToolDefinitions } from "@/lib/playground/tool-schema";

/** The playground's tool calling for a visitor: the sample tools (editable), through the demo link's own route. */
export function DemoToolsTab({ token }: { token: string }) {
  const { state: run, runAt, cancel, reset } = usePlaygroundRequest();
  const [draft, setDraft] = useState("What's the weather like in San Francisco today?");
  const [toolsText, setToolsText] = useState(DEFAULT_TOOLS_TEXT);
  const [toolChoice, setToolChoice] = useState("auto");
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const tools = parseToolDefinitions(toolsText);

  async function ask(history: ChatMessage[]) {
    if (!tools.ok) return;
    setMessages(history);
    const body: DemoChatInput = { messages: history, tools: tools.tools, tool_choice: toUpstreamToolChoice(toolChoiceOf(toolChoice)) };
    const outcome = await runAt(`/api/demo/${token}/chat`, body);
    if (outcome.status === "done") setMessages([...history, assistantReplyOf(outcome.result)]);
  }

  return (
    <div className="space-y-3" data-testid="demo-tools">
      <ToolDefinitionsField toolsText={toolsText} tools={tools} toolChoice={toolChoice} onToolsText={setToolsText} onToolChoice={setToolChoice} />
      <ToolConversation messages={messages} run={run} />
      {run.status !== "idle" && run.status !== "running" && <ResultMeta result={run.result} stats={run.stats} />}
      {run.error && run.status !== "cancelled" && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-950/50 px-3 py-2 text-sm text-red-200">
          {run.error.message}
        </p>
      )}
      <ToolComposer
        run={run}
        messages={messages}
        draft={draft}
        onDraft={setDraft}
        canSend={tools.ok}
        onAsk={(history) => void ask(history)}
        onCancel={cancel}
        onStartOver={() => {
          setMessages([]);
          reset();
        }}
      />
    </div>
  );
}
