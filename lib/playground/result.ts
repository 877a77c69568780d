// One shape for an answer, whether it came whole or in streamed chunks.
import { streamErrorOf, type StreamError } from "./stream-error";
import { ToolCallAssembler, type AssembledToolCall, type ToolCallDelta } from "./tool-call-assembly";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  reasoning_tokens?: number | null;
}

export interface PlaygroundResult {
  text: string;
  reasoning: string;
  toolCalls: AssembledToolCall[];
  finishReason: string | null;
  matchedStop: string | number | null;
  usage: Usage | null;
  model: string | null;
  /** The error SGLang sent after the stream started; what arrived before it stays in the fields above. */
  error: StreamError | null;
}

export const emptyResult = (): PlaygroundResult => ({ text: "", reasoning: "", toolCalls: [], finishReason: null, matchedStop: null, usage: null, model: null, error: null });

interface ChunkChoice {
  index?: number;
  delta?: { content?: string | null; reasoning_content?: string | null; tool_calls?: ToolCallDelta[] | null } | null;
  text?: string | null;
  finish_reason?: string | null;
  matched_stop?: string | number | null;
}

export interface StreamChunk {
  model?: string;
  choices?: ChunkChoice[];
  usage?: Usage | null;
  error?: unknown;
}

/** Folds streamed chunks (chat or completions) into a result; keeps the tool-call assembler between chunks. */
export class StreamAccumulator {
  private readonly tools = new ToolCallAssembler();
  private readonly current = emptyResult();

  /** Returns which kinds of text the chunk carried (for timing tokens), and whether it was SGLang's error. */
  add(chunk: StreamChunk): { content: boolean; reasoning: boolean; tool: boolean; error: boolean } {
    const seen = { content: false, reasoning: false, tool: false, error: false };
    const error = streamErrorOf(chunk);
    if (error) {
      this.current.error = error;
      seen.error = true;
      return seen;
    }
    if (chunk.model) this.current.model = chunk.model;
    if (chunk.usage) this.current.usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) return seen;
    const piece = choice.delta?.content ?? choice.text;
    if (piece) {
      this.current.text += piece;
      seen.content = true;
    }
    if (choice.delta?.reasoning_content) {
      this.current.reasoning += choice.delta.reasoning_content;
      seen.reasoning = true;
    }
    if (choice.delta?.tool_calls && choice.delta.tool_calls.length > 0) {
      this.tools.add(choice.delta.tool_calls);
      seen.tool = true;
    }
    if (choice.finish_reason) this.current.finishReason = choice.finish_reason;
    if (choice.matched_stop !== undefined && choice.matched_stop !== null) this.current.matchedStop = choice.matched_stop;
    return seen;
  }

  result(): PlaygroundResult {
    return { ...this.current, toolCalls: this.tools.result() };
  }
}

interface WholeResponse {
  model?: string;
  usage?: Usage | null;
  choices?: {
    text?: string | null;
    message?: { content?: string | null; reasoning_content?: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[] | null };
    finish_reason?: string | null;
    matched_stop?: string | number | null;
  }[];
}

/** A non-streamed chat or completions response as a result. */
export function resultOfResponse(response: WholeResponse): PlaygroundResult {
  const choice = response.choices?.[0];
  return {
    text: choice?.message?.content ?? choice?.text ?? "",
    reasoning: choice?.message?.reasoning_content ?? "",
    toolCalls: (choice?.message?.tool_calls ?? []).map((call, index) => ({ index, id: call.id, name: call.function.name, arguments: call.function.arguments })),
    finishReason: choice?.finish_reason ?? null,
    matchedStop: choice?.matched_stop ?? null,
    usage: response.usage ?? null,
    model: response.model ?? null,
    error: null,
  };
}
