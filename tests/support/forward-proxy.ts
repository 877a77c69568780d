import http from "node:http";
import net, { type AddressInfo } from "node:net";

/**
 * An HTTP proxy as HTTPS_PROXY / HTTP_PROXY point at: CONNECT tunnels (what undici's proxy agent opens, for http and
 * https targets alike) and absolute-URI requests. Records the host of every tunnel and request it carries.
 */
export async function startForwardProxy(): Promise<{ url: string; hosts: string[]; close: () => Promise<void> }> {
  const hosts: string[] = [];
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? "/");
    hosts.push(target.host);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    hosts.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hosts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
