/**
 * The least a proxy can cost: a bare Node reverse proxy that pipes bytes, nothing else. The stream bench
 * runs it beside the console so that the console's overhead can be told apart from the cost of any hop.
 * Usage: tsx bench/support/pipe-proxy.ts LISTEN_PORT TARGET_PORT (prints "listening" when ready).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

// BENCH_PROXY_ALS=N: with N AsyncLocalStorages in use, as Next keeps 7 in use in the console's process (Node 20 then
// runs an async hook for every async resource, which copies each storage's value onto it); to tell that cost apart
// from the console's own.
for (let i = 0; i < Number(process.env.BENCH_PROXY_ALS ?? 0); i++) new AsyncLocalStorage().enterWith({ bench: i });

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
