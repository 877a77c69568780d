import type OpenAI from "openai";
import type { ChatReply } from "../../lib/instance-view";
import { sendPlaygroundRequest } from "./send";
import type { Endpoint } from "./upstream";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The instance page's small chat: one non-streamed chat request through the playground's SDK path. */
export async function sendChat(options: Endpoint & { messages: ChatMessage[]; maxTokens?: number; signal?: AbortSignal }): Promise<ChatReply> {
  const { request, response } = await sendPlaygroundRequest({
    endpoint: { baseUrl: options.baseUrl, apiKey: options.apiKey, model: options.model },
    kind: "chat",
    body: { model: options.model, messages: options.messages, max_tokens: options.maxTokens ?? 512 },
    signal: options.signal ?? new AbortController().signal,
  });
  const completion = response as OpenAI.Chat.ChatCompletion;
  const choice = completion.choices[0];
  const message = choice?.message as (OpenAI.Chat.ChatCompletionMessage & { reasoning_content?: string | null }) | undefined;
  return {
    content: message?.content ?? "",
    reasoning: message?.reasoning_content ?? null,
    finishReason: choice?.finish_reason ?? null,
    usage: completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens, totalTokens: completion.usage.total_tokens }
      : null,
    model: completion.model ?? String(request.model),
  };
}
