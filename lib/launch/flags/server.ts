// HTTP server, API and logging. Facts: see flag-catalogue.ts.
import { LOG_LEVEL_SUGGESTIONS } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const SERVER_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--host", type: "string", default: "127.0.0.1", group: "server" }),
  flag({ name: "--port", type: "int", default: 30000, min: 1, max: 65535, group: "server" }),
  flag({ name: "--served-model-name", type: "string", default: null, group: "server" }),
  flag({ name: "--api-key", type: "string", default: null, group: "server" }),
  flag({ name: "--skip-server-warmup", type: "boolean", default: false, group: "server" }),
  flag({ name: "--enable-metrics", type: "boolean", default: false, group: "server" }),
  flag({ name: "--enable-metrics-for-all-schedulers", type: "boolean", default: false, group: "server" }),
  flag({ name: "--log-level", type: "string", default: "info", suggestions: LOG_LEVEL_SUGGESTIONS, group: "server" }),
  flag({ name: "--log-level-http", type: "string", default: null, suggestions: LOG_LEVEL_SUGGESTIONS, group: "server" }),
  flag({ name: "--log-requests", type: "boolean", default: false, group: "server" }),
  flag({ name: "--log-requests-level", type: "int", default: 2, min: 0, max: 3, group: "server" }),
  flag({ name: "--random-seed", type: "int", default: null, group: "server" }),
  flag({ name: "--watchdog-timeout", type: "float", default: 300, min: 0, exclusiveMin: true, unit: "s", group: "server" }),
  flag({ name: "--stream-interval", type: "int", default: 1, min: 1, unit: "tokens", group: "server" }),
  flag({ name: "--enable-cache-report", type: "boolean", default: false, group: "server" }),
  flag({ name: "--ssl-keyfile", type: "path", default: null, group: "server" }),
  flag({ name: "--ssl-certfile", type: "path", default: null, group: "server" }),
  flag({ name: "--warmups", type: "string", default: null, group: "server" }),
  flag({ name: "--stream-output", type: "boolean", default: false, group: "server" }),
  flag({ name: "--show-time-cost", type: "boolean", default: false, group: "server" }),
  flag({ name: "--decode-log-interval", type: "int", default: 40, min: 1, unit: "steps", group: "server" }),
  flag({ name: "--file-storage-path", type: "path", default: "sglang_storage", group: "server" }),
  flag({ name: "--tool-server", type: "string", default: null, group: "server" }),
];
