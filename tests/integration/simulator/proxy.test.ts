import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GLM_MODEL, killAll, startSim } from "./helpers";

afterEach(killAll);

let proxy: net.Server;
let proxyUrl: string;

beforeAll(async () => {
  proxy = net.createServer((socket) => socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
});

afterAll(() => proxy.close());

describe("simulator warm-up behind a proxy", () => {
  it("sends its warm-up through http_proxy, like SGLang's requests, and fails when the proxy refuses (sglang#9814)", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { http_proxy: proxyUrl, NO_PROXY: "", no_proxy: "" });
    await sim.waitForExit();
    expect(sim.output()).toContain("Initialization failed. warmup error");
    expect(sim.output()).toContain("res=<Response [403]>");
    expect(sim.output()).not.toContain("fired up");
  });

  it("reaches itself directly when no_proxy covers 127.0.0.1", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { http_proxy: proxyUrl, no_proxy: "localhost,127.0.0.1" });
    await sim.waitFor(/fired up and ready to roll/);
  });
});
