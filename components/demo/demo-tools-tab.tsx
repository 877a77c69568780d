"use client";

import { useState } from "react";
import { ResultMeta } from "@/components/playground/result-meta";
import { ToolComposer, ToolConversation, ToolDefinitionsField } from "@/components/playground/tool-conversation";
import { DEFAULT_TOOLS_TEXT } from "@/components/playground/tools-tab";
import { useToolChat } from "@/components/playground/use-tool-chat";
import type { DemoChatInput } from "@/lib/demo-links";
import { toUpstreamToolChoice, type ChatMessage } from "@/lib/playground/requests";
import { toolChoiceOf } from "@/lib/playground/tool-conversation";
import { parseToolDefinitions } from "@/lib/playground/tool-schema";
import { useDemoErrorText } from "./use-demo-error-text";

/** The playground's tool calling for a visitor: the sample tools (editable), through the demo link's own route. */
export function DemoToolsTab({ token }: { token: string }) {
  const [toolsText, setToolsText] = useState(DEFAULT_TOOLS_TEXT);
  const [toolChoice, setToolChoice] = useState("auto");
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const tools = parseToolDefinitions(toolsText);

  const chat = useToolChat({
    url: `/api/demo/${token}/chat`,
    // Definitions that do not parse are left out, as the playground leaves them out.
    payloadFor: (history): DemoChatInput => ({ messages: history, ...(tools.ok ? { tools: tools.tools, tool_choice: toUpstreamToolChoice(toolChoiceOf(toolChoice)) } : {}) }),
    messages,
    onMessages: setMessages,
  });
  const run = chat.run;
  const errorText = useDemoErrorText();

  return (
    <div className="space-y-3" data-testid="demo-tools">
      <ToolDefinitionsField toolsText={toolsText} tools={tools} toolChoice={toolChoice} onToolsText={setToolsText} onToolChoice={setToolChoice} />
      <ToolConversation messages={messages} run={run} />
      {run.status !== "idle" && run.status !== "running" && <ResultMeta result={run.result} stats={run.stats} />}
      {run.error && run.status !== "cancelled" && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-950/50 px-3 py-2 text-sm text-red-200">
          {errorText(run.error)}
        </p>
      )}
      <ToolComposer {...chat.composer} canSend={tools.ok} />
    </div>
  );
}
