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
const USAGE_KEY = Buffer.from('"usage"');
const EVENT_END = Buffer.from("\n\n");
const [SPACE, TAB, CR, LF, COLON, LETTER_N] = [32, 9, 13, 10, 58, 110];

const isBlank = (byte: number | undefined) => byte === SPACE || byte === TAB || byte === CR || byte === LF;

/**
 * Whether a chunk of whole events may hold a usage count: a `"usage"` key whose value is not null. SGLang, as
 * OpenAI does, puts `"usage": null` in every chunk of a stream that asked for usage, so the key alone says nothing.
 */
function mayHoldUsage(chunk: Buffer): boolean {
  for (let at = chunk.indexOf(USAGE_KEY); at !== -1; at = chunk.indexOf(USAGE_KEY, at + USAGE_KEY.length)) {
    let i = at + USAGE_KEY.length;
    while (isBlank(chunk[i])) i += 1;
    if (chunk[i] !== COLON) continue;
    i += 1;
    while (isBlank(chunk[i])) i += 1;
    if (chunk[i] !== LETTER_N) return true;
  }
  return false;
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
      if (pending === "" && chunk.length >= 2 && chunk[chunk.length - 2] === LF && chunk[chunk.length - 1] === LF && !mayHoldUsage(chunk)) {
        for (let at = chunk.indexOf(EVENT_END); at !== -1; at = chunk.indexOf(EVENT_END, at + 2)) events += 1;
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
