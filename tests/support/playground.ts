import { createSseParser, type SseEvent } from "../../lib/playground/sse";
import { authedFetch } from "./session";

/** POSTs to a playground route and collects its SSE events (or returns the JSON error). */
export async function streamEvents(
  url: string,
  body: unknown,
  options: { signal?: AbortSignal; onEvent?: (event: SseEvent) => void } = {},
): Promise<{ status: number; events: SseEvent[]; error?: unknown }> {
  const response = await authedFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: options.signal });
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return { status: response.status, events: [], error: await response.json() };
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => {
    events.push(event);
    options.onEvent?.(event);
  });
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  parser.end();
  return { status: response.status, events };
}

/** The simulator's count of requests whose client went away. */
export async function abortedRequests(baseUrl: string, apiKey: string | null): Promise<number> {
  const response = await fetch(`${baseUrl}/server_info`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  const info = (await response.json()) as { sim_aborted_requests: number };
  return info.sim_aborted_requests;
}
