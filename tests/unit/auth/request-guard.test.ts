import { describe, expect, it } from "vitest";
import { checkRequest, isAllowedHost, parseConsoleOrigins, type GuardedRequest } from "../../../lib/request-guard";

const bodyTypes = (path: string) => (path === "/api/diagnose" ? ("any" as const) : ("json" as const));
const request = (overrides: Partial<GuardedRequest>): GuardedRequest => ({
  method: "POST",
  path: "/api/instances",
  host: "127.0.0.1:3000",
  origin: "http://127.0.0.1:3000",
  secFetchSite: undefined,
  contentType: "application/json",
  ...overrides,
});
const check = (overrides: Partial<GuardedRequest>, origins: string[] = []) => checkRequest(request(overrides), origins, { bodyTypes });

describe("the request guard", () => {
  it("answers the loopback names on any port, and configured hosts", () => {
    expect(isAllowedHost("127.0.0.1:3000", [])).toBe(true);
    expect(isAllowedHost("localhost:8080", [])).toBe(true);
    expect(isAllowedHost("[::1]:3000", [])).toBe(true);
    expect(isAllowedHost("127.1.2.3", [])).toBe(true);
    expect(isAllowedHost("attacker.example:3000", [])).toBe(false);
    expect(isAllowedHost(undefined, [])).toBe(false);
    const origins = parseConsoleOrigins("https://gpu-box.lan, http://10.0.0.5:3000");
    expect(isAllowedHost("gpu-box.lan", origins)).toBe(true);
    expect(isAllowedHost("10.0.0.5:3000", origins)).toBe(true);
    expect(isAllowedHost("10.0.0.5:3001", origins)).toBe(false);
  });

  it("refuses a foreign Host with 421 whatever the method (DNS rebinding)", () => {
    expect(check({ method: "GET", host: "attacker.example:3000", origin: undefined })).toMatchObject({ ok: false, status: 421 });
  });

  it("lets reads through from anywhere on an allowed host", () => {
    expect(check({ method: "GET", origin: "http://evil.example" })).toEqual({ ok: true });
  });

  it("refuses writes from another origin, whatever the body type (simple requests need no preflight)", () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined]) {
      expect(check({ origin: "http://evil.example", contentType })).toMatchObject({ ok: false, status: 403 });
    }
    expect(check({ origin: "http://127.0.0.1:3001" })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: "http://localhost:3000" })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: "null" })).toMatchObject({ ok: false, status: 403 });
  });

  it("judges by Sec-Fetch-Site when a browser sent no Origin", () => {
    expect(check({ origin: undefined, secFetchSite: "cross-site" })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: undefined, secFetchSite: "same-site" })).toMatchObject({ ok: false, status: 403 });
    expect(check({ origin: undefined, secFetchSite: "same-origin" })).toEqual({ ok: true });
  });

  it("lets a client that is no browser (no Origin, no Sec-Fetch-Site) through to the session check", () => {
    expect(check({ origin: undefined })).toEqual({ ok: true });
  });

  it("accepts only JSON on JSON routes, and text or uploads on the diagnose route", () => {
    expect(check({ contentType: "text/plain" })).toMatchObject({ ok: false, status: 415 });
    expect(check({ contentType: "application/json; charset=utf-8" })).toEqual({ ok: true });
    expect(check({ path: "/api/diagnose", contentType: "text/plain" })).toEqual({ ok: true });
    expect(check({ contentType: undefined })).toEqual({ ok: true });
  });

  it("accepts writes from a configured origin behind a reverse proxy", () => {
    const origins = parseConsoleOrigins("https://gpu-box.lan");
    expect(check({ host: "gpu-box.lan", origin: "https://gpu-box.lan" }, origins)).toEqual({ ok: true });
    expect(check({ host: "gpu-box.lan", origin: "http://gpu-box.lan" }, origins)).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses CONSOLE_URL entries that are not http(s) URLs", () => {
    expect(() => parseConsoleOrigins("ftp://box")).toThrow(/http/);
  });
});
