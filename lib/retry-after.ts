// A Retry-After header (RFC 9110 §10.2.3) as whole seconds: delay-seconds, or an HTTP date from now.

/** Seconds to wait, at least 1; null when the header is absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}
