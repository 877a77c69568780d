/**
 * A stand-in for SGLang that answers every POST at once with a two-event SSE stream: what is left to
 * measure is the proxy in front of it. Usage: tsx bench/support/sse-upstream.ts PORT (prints "listening").
 */
import http from "node:http";

const event = (text: string) => `data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"${text}"}}]}\n\n`;

http
  .createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(event("first"));
      res.end("data: [DONE]\n\n");
    });
  })
  .listen(Number(process.argv[2]), "127.0.0.1", () => console.log("listening"));
