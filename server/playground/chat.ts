import OpenAI from "openai";
import { AppError } from "../../lib/errors";
import type { ChatReply } from "../../lib/instance-view";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** One chat completion against an instance, through the official `openai` SDK. */
export async function sendChat(options: {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  signal?: AbortSignal;
}): Promise<ChatReply> {
  const client = new OpenAI({ baseURL: `${options.baseUrl}/v1`, apiKey: options.apiKey ?? "EMPTY", maxRetries: 0, timeout: 120_000 });
  try {
    const completion = await client.chat.completions.create(
      { model: options.model, messages: options.messages, max_tokens: options.maxTokens ?? 512 },
      { signal: options.signal },
    );
    const choice = completion.choices[0];
    const message = choice?.message as (OpenAI.Chat.ChatCompletionMessage & { reasoning_content?: string | null }) | undefined;
    return {
      content: message?.content ?? "",
      reasoning: message?.reasoning_content ?? null,
      finishReason: choice?.finish_reason ?? null,
      usage: completion.usage
        ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens, totalTokens: completion.usage.total_tokens }
        : null,
      model: completion.model,
    };
  } catch (error) {
    if (error instanceof OpenAI.APIConnectionError) throw new AppError("upstream_unreachable", { address: options.baseUrl }, { cause: error });
    if (error instanceof OpenAI.APIError) throw new AppError("upstream_error", { detail: `${error.status ?? ""} ${error.message}`.trim() }, { cause: error });
    throw error;
  }
}
