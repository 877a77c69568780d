// The reader's time zone for every date the console formats, on the server as in the browser: the browser says
// which it is in a cookie (components/i18n/time-zone-sync.tsx); until it has, the server's own (TZ), else UTC.

export const TIME_ZONE_COOKIE = "console_tz";
const TIME_ZONE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** An IANA zone name Intl knows ("Asia/Shanghai", "UTC"); anything else, however it got into a cookie, is not one. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value === "" || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone a request's dates are shown in: the browser's, from its cookie, else `fallback` (the server's TZ), else UTC. */
export function timeZoneOfRequest(cookie: string | null | undefined, fallback: string | null | undefined): string {
  if (isTimeZone(cookie)) return cookie;
  return isTimeZone(fallback) ? fallback : "UTC";
}

/** The cookie that tells the server the browser's zone (readable by pages: it holds no secret). */
export function timeZoneCookie(timeZone: string, secure: boolean): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=${TIME_ZONE_COOKIE_MAX_AGE_S}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
