// Incremental Server-Sent Events parsing (the subset SGLang and the console send: `event:` and `data:` lines).

export interface SseEvent {
  event: string;
  data: string;
}

/** Feed it text as it arrives; it calls `onEvent` for each complete event. */
export function createSseParser(onEvent: (event: SseEvent) => void): { feed: (text: string) => void; end: () => void } {
  let buffer = "";
  let eventName = "";
  let data: string[] = [];
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: eventName || "message", data: data.join("\n") });
    eventName = "";
    data = [];
  };
  const line = (raw: string) => {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text === "") return dispatch();
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") eventName = value;
  };
  return {
    feed(text: string) {
      buffer += text;
      let newline = buffer.indexOf("\n");
      while (newline !== -1) {
        line(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
      }
    },
    end() {
      if (buffer) line(buffer);
      buffer = "";
      dispatch();
    },
  };
}

/** One SSE event as text. */
export function formatSseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
