/**
 * Sends COUNT streamed requests with BODY to URL in bursts of 32 at once (kept-alive connections) and
 * prints the median and 90th percentile time to the first event's text as JSON.
 * Usage: tsx bench/support/burst-client.ts URL BODY COUNT
 */
import http from "node:http";

const [url, body, count] = [new URL(process.argv[2]!), process.argv[3]!, Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, timeout: 4000 });
const firsts: number[] = [];

const one = () =>
  new Promise<void>((resolve, reject) => {
    const start = performance.now();
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => {
      let seen: string | null = "";
      res.on("data", (data: Buffer) => {
        if (seen === null) return;
        seen += data.toString();
        if (seen.includes('"first"')) {
          firsts.push(performance.now() - start);
          seen = null;
        }
      });
      res.on("end", resolve);
    });
    request.on("error", reject);
    request.end(body);
  });

async function main() {
  for (let sent = 0; sent < count; sent += 32) await Promise.all(Array.from({ length: 32 }, one));
  firsts.sort((a, b) => a - b);
  console.log(JSON.stringify({ medianMs: firsts[firsts.length >> 1], p90Ms: firsts[Math.floor(firsts.length * 0.9)] }));
}

void main();
