import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { cookieValue } from "../../../lib/i18n/locales";
import { isTimeZone, TIME_ZONE_COOKIE, timeZoneCookie, timeZoneOfRequest } from "../../../lib/i18n/time-zone";

describe("the reader's time zone", () => {
  it("is the browser's from its cookie, else the server's TZ, else UTC", () => {
    expect(timeZoneOfRequest("Asia/Shanghai", "Europe/Berlin")).toBe("Asia/Shanghai");
    expect(timeZoneOfRequest(undefined, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(timeZoneOfRequest("Mars/Olympus_Mons", undefined)).toBe("UTC");
    expect(timeZoneOfRequest("", "")).toBe("UTC");
  });

  it("accepts only zone names Intl knows", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Nowhere")).toBe(false);
    expect(isTimeZone("x".repeat(65))).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });

  it("travels in a cookie the server reads back", () => {
    const cookie = timeZoneCookie("America/Argentina/Buenos_Aires", true);
    expect(cookie).toMatch(/; Path=\/; Max-Age=\d+; SameSite=Lax; Secure$/);
    expect(cookieValue(cookie.split(";")[0], TIME_ZONE_COOKIE)).toBe("America/Argentina/Buenos_Aires");
  });

  it("moves a date the server formats into the reader's day and hour", () => {
    const at = new Date(Date.UTC(2026, 2, 11, 20, 30));
    const format = (timeZone: string) => createTranslator({ locale: "zh-CN", messages: { d: "{at, date, ::yyyyMMddHHmm}" }, timeZone })("d", { at });
    expect(format(timeZoneOfRequest("Asia/Shanghai", "UTC"))).toContain("04:30");
    expect(format(timeZoneOfRequest(undefined, "UTC"))).toContain("20:30");
  });
});
