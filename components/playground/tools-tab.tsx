"use client";

import { useTranslations } from "next-intl";
import { useSchemaIssueText } from "@/components/i18n/use-schema-issue-text";
import { buildChatBody, chatRequestSchema, type ChatMessage } from "@/lib/playground/requests";
import { toolChoiceOf } from "@/lib/playground/tool-conversation";
import { GET_WEATHER_TOOL, parseToolDefinitions } from "@/lib/playground/tool-schema";
import { OutputPanel, type RequestPreview } from "./output-panel";
import { ParamsPanel } from "./params-panel";
import { ResultMeta } from "./result-meta";
import type { TabProps } from "./tab-props";
import { ToolComposer, ToolConversation, ToolDefinitionsField } from "./tool-conversation";
import { useToolChat } from "./use-tool-chat";

export const DEFAULT_TOOLS_TEXT = JSON.stringify([GET_WEATHER_TOOL], null, 2);

export function ToolsTab({ instanceId, model, baseUrl, state, onState }: TabProps) {
  const t = useTranslations("playground");
  const schemaText = useSchemaIssueText();
  const toolsText = state.toolsText ?? DEFAULT_TOOLS_TEXT;
  const toolChoice = state.toolChoice ?? "auto";
  const messages = state.messages ?? [];
  const tools = parseToolDefinitions(toolsText);

  const payloadFor = (history: ChatMessage[]) => ({
    messages: history,
    params: state.params,
    tools: tools.ok ? tools.tools : [],
    toolChoice: toolChoiceOf(toolChoice),
    stream: true,
  });
  const chat = useToolChat({
    url: `/api/instances/${instanceId}/playground/chat`,
    payloadFor,
    messages,
    onMessages: (next) => onState({ messages: next }),
    onAnswer: ({ text, reasoning }) => onState({ output: { text, reasoning } }),
    onStartOver: () => onState({ output: undefined }),
  });
  const { run, draft } = chat;
  const previewMessages: ChatMessage[] = messages.length > 0 ? messages : [{ role: "user", content: draft }];
  const parsed = tools.ok ? chatRequestSchema.safeParse(payloadFor(previewMessages)) : null;
  const preview: RequestPreview = !tools.ok
    ? { ok: false, problem: t("tools.definitionsHaveProblems") }
    : parsed?.success
      ? { ok: true, kind: "chat", body: buildChatBody(parsed.data, model) }
      : { ok: false, problem: (parsed ? schemaText.firstProblem(parsed.error.issues) : null) ?? t("failures.invalid") };

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
          {run.status !== "idle" && run.status !== "running" && <ResultMeta result={run.result} stats={run.stats} />}
        </OutputPanel>
        <ToolComposer {...chat.composer} canSend={tools.ok} />
      </div>
      <ParamsPanel params={state.params} onChange={(params) => onState({ params })} chat idPrefix="tools" />
    </div>
  );
}
