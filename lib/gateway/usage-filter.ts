// Reads `usage` from an OpenAI-style SSE stream as it passes through, and can drop the usage-only chunk that the
// gateway asked SGLang for (stream_options.include_usage) when the client did not: the client then sees
// exactly the stream it asked for. Events are forwarded as the bytes they arrived as.

export interface StreamUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface UsageFilter {
  /** The part of `chunk` to forward now (events held back until they are complete, when stripping). */
  push(chunk: Buffer): Buffer;
  /** What is left at the end of the stream. */
  end(): Buffer;
  usage(): StreamUsage | null;
  /** Events seen (about one per generated token), for an estimate when the stream ended before its usage. */
  events(): number;
}

const USAGE = /"usage":\s*\{[^}]*"prompt_tokens":\s*(\d+)[^}]*"completion_tokens":\s*(\d+)/;
/**
 * Only a usage count holds this key (OpenAI's and SGLang's usage always carry `prompt_tokens`). SGLang, as OpenAI does,
 * puts `"usage": null` in every chunk of a stream that asked for usage, so `"usage"` alone says nothing. Inside a JSON
 * string a quote is escaped, so model text shows these bytes only as a whole string value; then the chunk merely takes
 * the slow path, which reads it properly.
 */
const PROMPT_TOKENS_KEY = Buffer.from('"prompt_tokens"');
const EVENT_END = Buffer.from("\n\n");
const LF = 10;

/** Events in a chunk of whole events: one search for SGLang's usual chunk of one event. */
function countEvents(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(EVENT_END); at !== -1 && at !== chunk.length - 2; at = chunk.indexOf(EVENT_END, at + 2)) count += 1;
  return count + 1;
}
const EMPTY_CHOICES = /"choices":\s*\[\s*\]/;

export function createUsageFilter(options: { stripUsageChunk: boolean }): UsageFilter {
  let pending = "";
  let usage: StreamUsage | null = null;
  let events = 0;

  const inspect = (event: string): boolean => {
    events += 1;
    const match = USAGE.exec(event);
    if (match) {
      usage = { promptTokens: Number(match[1]), completionTokens: Number(match[2]) };
      return options.stripUsageChunk && EMPTY_CHOICES.test(event);
    }
    return false;
  };

  return {
    push(chunk) {
      // SGLang writes whole events, one or more a chunk: such a chunk without a usage count passes untouched (no
      // copy, no decoding); its events are counted for an estimate should the usage never come.
      if (pending === "" && chunk.length >= 2 && chunk[chunk.length - 2] === LF && chunk[chunk.length - 1] === LF && chunk.indexOf(PROMPT_TOKENS_KEY) === -1) {
        events += countEvents(chunk);
        return chunk;
      }
      pending += chunk.toString("utf8");
      let kept = "";
      for (let end = pending.indexOf("\n\n"); end !== -1; end = pending.indexOf("\n\n")) {
        const event = pending.slice(0, end + 2);
        pending = pending.slice(end + 2);
        if (!inspect(event)) kept += event;
      }
      return Buffer.from(kept, "utf8");
    },
    end() {
      const rest = pending;
      pending = "";
      return Buffer.from(rest && !inspect(rest) ? rest : "", "utf8");
    },
    usage: () => usage,
    events: () => events,
  };
}
