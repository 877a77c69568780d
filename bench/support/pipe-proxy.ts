/**
 * The least a proxy can cost: a bare Node reverse proxy that pipes bytes, nothing else. The stream bench
 * runs it beside the console so that the console's overhead can be told apart from the cost of any hop.
 * Usage: tsx bench/support/pipe-proxy.ts LISTEN_PORT TARGET_PORT (prints "listening" when ready).
 */
import http from "node:http";

const [listenPort, targetPort] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, timeout: 4000 });

http
  .createServer((req, res) => {
    const upstream = http.request({ host: "127.0.0.1", port: targetPort, path: req.url, method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  })
  .listen(listenPort, "127.0.0.1", () => console.log("listening"));
