import { describe, expect, it } from "vitest";
import { routeOfRequestStart } from "../../../lib/gateway/request-start";

const route = (text: string) => routeOfRequestStart(Buffer.from(text, "latin1"));

describe("routeOfRequestStart", () => {
  it("sends /v1 and everything below it to the gateway, whatever the method", () => {
    expect(route("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n")).toBe("gateway");
    expect(route("GET /v1/models HTTP/1.1\r\n")).toBe("gateway");
    expect(route("GET /v1 HTTP/1.1\r\n")).toBe("gateway");
    expect(route("GET /v1?x=1 HTTP/1.1\r\n")).toBe("gateway");
    expect(route("DELETE /v1/x")).toBe("gateway");
  });

  it("keeps the console's own paths, and look-alikes, with the console", () => {
    expect(route("GET / HTTP/1.1\r\n")).toBe("console");
    expect(route("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n")).toBe("console");
    expect(route("GET /v10/models HTTP/1.1\r\n")).toBe("console");
    expect(route("GET /v2/x HTTP/1.1\r\n")).toBe("console");
    expect(route("POST /api/v1/chat HTTP/1.1\r\n")).toBe("console");
    expect(route("GET http://host/v1/models HTTP/1.1\r\n")).toBe("console");
  });

  it("waits for more bytes while the request line could still go either way", () => {
    expect(route("")).toBe("undecided");
    expect(route("POS")).toBe("undecided");
    expect(route("POST ")).toBe("undecided");
    expect(route("POST /v")).toBe("undecided");
    expect(route("POST /v1")).toBe("undecided");
    expect(route("POST /a")).toBe("console");
  });

  it("gives up on lines that are not HTTP/1 requests the gateway could answer", () => {
    expect(route("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03abcdefgh")).toBe("console");
    expect(route(" /v1/models")).toBe("console");
    expect(route("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")).toBe("console");
  });
});
