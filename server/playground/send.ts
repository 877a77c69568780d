import type { PlaygroundKind, UpstreamBody } from "../../lib/playground/requests";
import { clientFor, toAppError, type Endpoint } from "./upstream";

export interface PlaygroundReply {
  /** The exact body sent to SGLang. */
  request: UpstreamBody;
  /** SGLang's answer as it came. */
  response: unknown;
  elapsedMs: number;
}

/** One non-streamed request through the openai SDK; cancelling `signal` aborts the call to SGLang. */
export async function sendPlaygroundRequest(options: { endpoint: Endpoint; kind: PlaygroundKind; body: UpstreamBody; signal: AbortSignal }): Promise<PlaygroundReply> {
  const client = clientFor(options.endpoint);
  const started = performance.now();
  try {
    // The body carries SGLang's own fields (top_k, chat_template_kwargs...): the SDK sends it as it is.
    const response =
      options.kind === "chat"
        ? await client.chat.completions.create(options.body as never, { signal: options.signal })
        : await client.completions.create(options.body as never, { signal: options.signal });
    return { request: options.body, response, elapsedMs: performance.now() - started };
  } catch (error) {
    throw toAppError(error, options.endpoint);
  }
}
