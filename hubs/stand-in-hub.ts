// A stand-in for ModelScope and the Hugging Face Hub on one local port, with a storage host on another name for
// their redirects. Tests and the download bench point MODELSCOPE_ENDPOINT and HF_ENDPOINT at `url`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerHuggingFace } from "./huggingface-api";
import { NO_SWITCHES, type HubRepo, type HubSwitches } from "./hub-repo";
import { answerModelScope } from "./modelscope-api";
import { startStorageHost, type StorageHost } from "./storage-host";

export interface StandInHub {
  url: string;
  /** The token gated repositories accept (`Authorization: Bearer <token>`). */
  token: string;
  repos: HubRepo[];
  /** Change these while the hub runs; counters count down as they fire. */
  switches: HubSwitches;
  storage: StorageHost;
  /** Request lines the hub answered (`GET /api/...`). */
  requests: string[];
  close: () => Promise<void>;
}

export async function startStandInHub(options: { repos: HubRepo[]; token?: string; switches?: Partial<HubSwitches> }): Promise<StandInHub> {
  const switches: HubSwitches = { ...NO_SWITCHES, ...options.switches };
  const storage = await startStorageHost(switches);
  const token = options.token ?? "stand-in-token";
  const requests: string[] = [];
  const hub = { repos: options.repos, token, storage, url: "" };
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", hub.url);
    if (answerModelScope(req, res, url, hub) || answerHuggingFace(req, res, url, hub)) return;
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not a hub route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: hub.url,
    token,
    repos: options.repos,
    switches,
    storage,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
