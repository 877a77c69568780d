/**
 * Bytes of a log to text, chunk by chunk: UTF-8 unless a byte-order mark says UTF-16 (what PowerShell's
 * `>` writes). Invalid bytes become U+FFFD; nothing here throws on any input.
 */
export interface LogTextDecoder {
  /** Text decoded so far from `bytes` (may hold back the start of a character split across chunks). */
  push(bytes: Uint8Array): string;
  /** The rest, at the end of the input. */
  end(): string;
}

/** The part of TextDecoder used here (the server's TypeScript has no DOM types). */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

export function createLogTextDecoder(): LogTextDecoder {
  let decoder: Decoder | null = null;
  let head = new Uint8Array(0);

  const pick = (first: Uint8Array): Decoder => {
    if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
    if (first[0] === 0xfe && first[1] === 0xff) {
      try {
        return new TextDecoder("utf-16be");
      } catch {
        // a runtime without the full ICU data: decode as UTF-8 rather than fail
      }
    }
    return new TextDecoder("utf-8");
  };

  return {
    push(bytes) {
      if (decoder === null) {
        // Wait for two bytes before choosing the encoding from the byte-order mark.
        const joined = new Uint8Array(head.length + bytes.length);
        joined.set(head);
        joined.set(bytes, head.length);
        if (joined.length < 2) {
          head = joined;
          return "";
        }
        decoder = pick(joined);
        head = new Uint8Array(0);
        return decoder.decode(joined, { stream: true });
      }
      return decoder.decode(bytes, { stream: true });
    },
    end() {
      if (decoder === null) decoder = pick(head);
      const rest = head.length > 0 ? decoder.decode(head, { stream: true }) : "";
      head = new Uint8Array(0);
      return rest + decoder.decode();
    },
  };
}
