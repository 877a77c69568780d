import http from "node:http";
import next from "next";
import { Server } from "socket.io";
import { parseEnv } from "./env";
import { findProjectRoot } from "./project-root";
import { attachInstancesNamespace } from "./realtime/instances-namespace";
import { attachTelemetryNamespace } from "./realtime/telemetry-namespace";
import { buildServices, publishServices } from "./services";

const log = (message: string) => console.log(`[console] ${message}`);

async function main(): Promise<void> {
  const projectRoot = findProjectRoot();
  const env = parseEnv(process.env, projectRoot);
  const services = await buildServices(env, projectRoot, log);
  publishServices(services);

  const app = next({ dev: env.dev, dir: projectRoot, hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => void handle(req, res));
  // socket.io answers only its own path and leaves Next's HMR upgrade alone.
  const io = new Server(server, { path: "/socket.io", serveClient: false });
  attachInstancesNamespace(io, services);
  attachTelemetryNamespace(io, services);

  server.once("error", (error) => {
    console.error(`[console] cannot listen on ${env.host}:${env.port}: ${error.message}. Set PORT to a free port.`);
    process.exit(1);
  });
  server.listen(env.port, env.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.port;
    const mode = services.runtime.simulated ? "simulated SGLang" : `SGLang ${services.runtime.version}`;
    log(`SGLang Console ready on http://${env.host}:${port} (${mode})`);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: stopping`);
    services.gpuSampler.stop();
    services.metricsScraper.stop();
    io.close();
    // The console still owns its servers' pseudo-terminals: stop them cleanly so no GPU process is orphaned.
    await services.supervisor.stopAll();
    await services.db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[console] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
