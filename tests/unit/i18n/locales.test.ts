import { describe, expect, it } from "vitest";
import { cookieValue, localeCookie, localeOfHeaders, localeOfRequest, negotiateLocale } from "../../../lib/i18n/locales";

describe("negotiateLocale", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["fr-FR,zh;q=0.5", "zh-CN"],
    ["fr-FR,de;q=0.9", "en"],
    ["en;q=0.2,zh;q=0.8", "zh-CN"],
    ["zh;q=0,en", "en"],
    ["", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("the request's locale", () => {
  it("the chosen cookie wins over the browser's languages", () => {
    expect(localeOfRequest({ cookie: "a=1; console_locale=en; b=2", acceptLanguage: "zh-CN" })).toBe("en");
    expect(localeOfRequest({ cookie: "console_locale=zh-CN", acceptLanguage: "en-US" })).toBe("zh-CN");
  });

  it("an unknown cookie value falls back to Accept-Language", () => {
    expect(localeOfRequest({ cookie: "console_locale=fr", acceptLanguage: "zh-CN" })).toBe("zh-CN");
    expect(localeOfRequest({ cookie: null, acceptLanguage: null })).toBe("en");
  });

  it("reads Web and Node headers alike", () => {
    expect(localeOfHeaders(new Headers({ "accept-language": "zh-CN" }))).toBe("zh-CN");
    expect(localeOfHeaders({ cookie: "console_locale=zh-CN", "accept-language": "en" })).toBe("zh-CN");
  });

  it("finds one cookie among several and decodes it", () => {
    expect(cookieValue("x=1; console_locale=zh-CN", "console_locale")).toBe("zh-CN");
    expect(cookieValue("console_localeX=1", "console_locale")).toBeUndefined();
  });

  it("remembers a choice for a year, Secure only over https", () => {
    expect(localeCookie("zh-CN", false)).toBe("console_locale=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(localeCookie("en", true)).toContain("; Secure");
  });
});
