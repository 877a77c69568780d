import type OpenAI from "openai";
import type { CheckedMessage } from "../../lib/parser-check";
import { AppError } from "../../lib/errors";
import { clientFor, toAppError, type Endpoint } from "../playground/upstream";

/**
 * One non-streamed chat request, ended by a timer this module owns (an AbortController it aborts), not only by
 * the SDK's `timeout`: a server that accepts and never answers cannot hold the check for ever.
 */
export async function askChat(endpoint: Endpoint, body: Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, "model">, timeoutMs: number): Promise<CheckedMessage | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const completion = await clientFor(endpoint).chat.completions.create({ ...body, model: endpoint.model }, { signal: controller.signal, timeout: timeoutMs });
    return completion.choices[0]?.message as CheckedMessage | undefined;
  } catch (error) {
    if (controller.signal.aborted) throw new AppError("upstream_timeout", { detail: `${timeoutMs / 1000} s` }, { cause: error });
    throw toAppError(error, endpoint);
  } finally {
    clearTimeout(timer);
  }
}
