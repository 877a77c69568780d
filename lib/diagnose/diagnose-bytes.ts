import { AppError } from "../errors";
import { createLogDiagnoser, type LogDiagnosis, type LogDiagnoserOptions } from "../sglang-log";
import { createLogTextDecoder } from "./decode-log";

export interface ByteDiagnosis {
  diagnosis: LogDiagnosis;
  bytes: number;
}

/**
 * Streams bytes through the decoder and the diagnoser; holds one chunk at a time, never the log.
 * Past `maxBytes` it stops reading (the source is cancelled) and throws `payload_too_large`.
 */
export async function diagnoseBytes(
  source: AsyncIterable<Uint8Array>,
  options: LogDiagnoserOptions & { maxBytes?: number } = {},
): Promise<ByteDiagnosis> {
  const maxBytes = options.maxBytes ?? Infinity;
  const decoder = createLogTextDecoder();
  const diagnoser = createLogDiagnoser({ maxKeyLines: options.maxKeyLines });
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw new AppError("payload_too_large", { limit: formatBytes(maxBytes) });
    diagnoser.push(decoder.push(chunk));
  }
  diagnoser.push(decoder.end());
  return { diagnosis: diagnoser.end(), bytes };
}

/** `104857600` → `100 MB` (binary megabytes, as the limit is configured). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** A web ReadableStream as an async iterable (for runtimes whose streams are not iterable yet). */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
