// Streamed tool calls arrive in pieces: the first delta of a call carries its index, id and name, later
// deltas append fragments of the JSON arguments under the same index (and may interleave between calls).

export interface ToolCallDelta {
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

export interface AssembledToolCall {
  index: number;
  id: string;
  name: string;
  /** The argument text exactly as streamed, concatenated. */
  arguments: string;
}

export class ToolCallAssembler {
  private readonly calls = new Map<number, AssembledToolCall>();

  add(deltas: readonly ToolCallDelta[] | null | undefined): void {
    for (const [position, delta] of (deltas ?? []).entries()) {
      // Some servers omit the index when there is one call per chunk: fall back to the position.
      const index = typeof delta.index === "number" ? delta.index : position;
      let call = this.calls.get(index);
      if (!call) {
        call = { index, id: "", name: "", arguments: "" };
        this.calls.set(index, call);
      }
      if (delta.id) call.id = delta.id;
      // Names come whole in SGLang; others split them, so concatenate unless a repeat of the same name.
      const name = delta.function?.name;
      if (name && call.name !== name) call.name = call.name && !call.arguments ? call.name + name : name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
    }
  }

  result(): AssembledToolCall[] {
    return [...this.calls.values()].sort((a, b) => a.index - b.index).map((call) => ({ ...call }));
  }
}

/** Arguments pretty-printed when they are JSON, else as they came (with the parse problem). */
export function prettyArguments(text: string): { pretty: string; valid: boolean; error?: string } {
  if (text.trim() === "") return { pretty: "{}", valid: true };
  try {
    return { pretty: JSON.stringify(JSON.parse(text), null, 2), valid: true };
  } catch (error) {
    return { pretty: text, valid: false, error: error instanceof Error ? error.message : String(error) };
  }
}
