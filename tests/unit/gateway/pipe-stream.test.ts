import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { pipeStream } from "../../../server/gateway/pipe-stream";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A console-side stream: `upstream` stands in for SGLang's answer, piped to whoever requests the server. */
async function streamingServer() {
  const upstream = new PassThrough();
  const usage = { prompt: 0, completion: 0, estimated: false };
  let piped: Promise<void> | null = null;
  const server = http.createServer((_req, res) => {
    piped = pipeStream(upstream as unknown as IncomingMessage, res, { strip: true, usage });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { upstream, usage, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, piped: () => piped };
}

const event = (text: string) => `data: ${JSON.stringify({ choices: [{ delta: { content: text } }], usage: null })}\n\n`;

describe("pipeStream", () => {
  it("pauses SGLang's stream while the client reads slower, resumes it once the client catches up, and loses nothing", async () => {
    const { upstream, usage, url, piped } = await streamingServer();
    const responded = new Promise<IncomingMessage>((resolve) => http.get(url, resolve));
    while (!piped()) await new Promise((resolve) => setTimeout(resolve, 5));
    upstream.write(event("first")); // the answer's head goes out with its first bytes
    const client = await responded;
    client.pause();
    const big = event("x".repeat(64 * 1024));
    // Far more than the sockets' buffers hold while the client does not read.
    let sent = 0;
    for (let i = 0; i < 400 && !upstream.isPaused(); i++) {
      upstream.write(big);
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(upstream.isPaused()).toBe(true);
    expect(sent).toBeLessThan(400);

    let received = "";
    client.setEncoding("utf8");
    client.on("data", (text: string) => (received += text));
    client.resume();
    for (let i = 0; i < 200 && upstream.isPaused(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(upstream.isPaused()).toBe(false);
    upstream.end(`${event("end")}data: {"choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": ${sent + 2}}}\n\ndata: [DONE]\n\n`);
    await new Promise((resolve) => client.once("end", resolve));
    await piped();
    expect(received).toBe(event("first") + big.repeat(sent) + event("end") + "data: [DONE]\n\n");
    expect(usage).toEqual({ prompt: 3, completion: sent + 2, estimated: false });
  });
});
