import http from "node:http";
import next from "next";
import { Server } from "socket.io";
import { parseEnv } from "./env";
import { createNodeRouter } from "./http/node-route";
import { playgroundRoutes } from "./http/playground-routes";
import { guardRequest } from "./http/request-guard";
import { createDemoRoute } from "./gateway/demo-route";
import { createGatewayControl } from "./gateway/gateway-control";
import { createGatewayFront } from "./gateway/gateway-front";
import { startGatewayProcess } from "./gateway/gateway-host";
import { routeConnections } from "./http/connection-router";
import { MemoryReducer } from "./logs/memory-reducer";
import { findProjectRoot } from "./project-root";
import { attachDownloadsNamespace } from "./realtime/downloads-namespace";
import { attachInstancesNamespace } from "./realtime/instances-namespace";
import { publishServices } from "./published-services";
import { buildServices } from "./services";
import { attachTelemetryNamespace } from "./realtime/telemetry-namespace";
import { watchSocketSessions } from "./realtime/socket-auth";
import { isAllowedHost } from "../lib/request-guard";

const log = (message: string) => console.log(`[console] ${message}`);

async function main(): Promise<void> {
  const projectRoot = findProjectRoot();
  const env = parseEnv(process.env, projectRoot);
  const services = await buildServices(env, projectRoot, log);
  publishServices(services);

  const app = next({ dev: env.dev, dir: projectRoot, hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const ownRoutes = createNodeRouter(playgroundRoutes, services);
  const gatewayControl = createGatewayControl({ usage: services.usage, keys: services.apiKeys, supervisor: services.supervisor });
  const handleGateway = createGatewayFront({ control: gatewayControl, log });
  const demo = createDemoRoute({ links: services.demoLinks, supervisor: services.supervisor, control: gatewayControl, log });
  const guard = { consoleOrigins: env.consoleOrigins, trustProxy: env.trustProxy };
  const server = http.createServer((req, res) => {
    if (!guardRequest(req, res, guard)) return;
    if (services.auth.handle(req, res)) return;
    if (handleGateway(req, res)) return;
    if (demo(req, res)) return;
    if (!ownRoutes(req, res)) void handle(req, res);
  });
  // socket.io answers only its own path and leaves Next's HMR upgrade alone. Its handshake is checked for the
  // console's own Host here and for Origin and a session in each namespace (server/realtime/socket-auth.ts).
  const io = new Server(server, {
    path: "/socket.io",
    serveClient: false,
    allowRequest: (req, callback) => callback(null, isAllowedHost(req.headers.host, env.consoleOrigins)),
  });
  const namespaces = [attachInstancesNamespace(io, services), attachTelemetryNamespace(io, services), attachDownloadsNamespace(io, services)];
  const stopSocketWatch = watchSocketSessions(namespaces, services);
  // /v1 connections go to the gateway's own process when it is up (server/gateway/gateway-process.ts).
  const gatewayProcess = startGatewayProcess({ control: gatewayControl, guard, log });
  routeConnections(server, gatewayProcess.takeConnection);
  const memoryReducer = new MemoryReducer((globalThis as { gc?: () => void }).gc ?? null);
  services.supervisor.on("output", ({ chunk }) => memoryReducer.noteOutput(chunk.data.length));

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
    gatewayProcess.stop();
    memoryReducer.stop();
    stopSocketWatch();
    services.metricsScraper.stop();
    // Servers keep running under their pty hosts; the next console start takes them over.
    services.supervisor.detachAll();
    io.close();
    await services.usage.flush();
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
