// HTTP server, API and logging. Facts: see flag-catalogue.ts.
import { LOG_LEVEL_SUGGESTIONS } from "../flag-choices";
import { flag, type FlagSpec } from "../flag-spec";

export const SERVER_FLAGS: readonly FlagSpec[] = [
  flag({ name: "--host", type: "string", default: "127.0.0.1", group: "server", help: "Address the HTTP server binds to." }),
  flag({ name: "--port", type: "int", default: 30000, min: 1, max: 65535, group: "server", help: "Port of the HTTP server." }),
  flag({ name: "--served-model-name", type: "string", default: null, group: "server", help: "Model name returned by /v1/models." }),
  flag({ name: "--api-key", type: "string", default: null, group: "server", help: "API key clients must send as a Bearer token." }),
  flag({ name: "--skip-server-warmup", type: "boolean", default: false, group: "server", help: "Skip the warm-up request." }),
  flag({ name: "--enable-metrics", type: "boolean", default: false, group: "server", help: "Expose Prometheus metrics on /metrics." }),
  flag({ name: "--enable-metrics-for-all-schedulers", type: "boolean", default: false, group: "server", help: "Every TP rank reports its own metrics (labelled tp_rank), not only rank 0." }),
  flag({ name: "--log-level", type: "string", default: "info", suggestions: LOG_LEVEL_SUGGESTIONS, group: "server", help: "Logging level of all loggers." }),
  flag({ name: "--log-level-http", type: "string", default: null, suggestions: LOG_LEVEL_SUGGESTIONS, group: "server", help: "Logging level of the HTTP server; --log-level when unset." }),
  flag({ name: "--log-requests", type: "boolean", default: false, group: "server", help: "Log requests (verbosity from --log-requests-level)." }),
  flag({ name: "--log-requests-level", type: "int", default: 2, min: 0, max: 3, group: "server", help: "0 metadata, 1 + sampling params, 2 + partial input/output, 3 everything." }),
  flag({ name: "--random-seed", type: "int", default: null, group: "server", help: "Random seed." }),
  flag({ name: "--watchdog-timeout", type: "float", default: 300, min: 0, exclusiveMin: true, unit: "s", group: "server", help: "Crash when a forward batch takes longer than this." }),
  flag({ name: "--stream-interval", type: "int", default: 1, min: 1, unit: "tokens", group: "server", help: "Streaming buffer size in tokens." }),
  flag({ name: "--enable-cache-report", type: "boolean", default: false, group: "server", help: "Report cached tokens in usage.prompt_tokens_details." }),
  flag({ name: "--ssl-keyfile", type: "path", default: null, group: "server", help: "SSL key file." }),
  flag({ name: "--ssl-certfile", type: "path", default: null, group: "server", help: "SSL certificate file." }),
  flag({ name: "--warmups", type: "string", default: null, group: "server", help: "Comma-separated warm-up functions to run before serving." }),
  flag({ name: "--stream-output", type: "boolean", default: false, group: "server", help: "Stream output as disjoint segments instead of cumulative text." }),
  flag({ name: "--show-time-cost", type: "boolean", default: false, group: "server", help: "Log the time spent in each part of the server." }),
  flag({ name: "--decode-log-interval", type: "int", default: 40, min: 1, unit: "steps", group: "server", help: "Decode steps between two decode-batch log lines." }),
  flag({ name: "--file-storage-path", type: "path", default: "sglang_storage", group: "server", help: "Folder for files uploaded through the API." }),
  flag({ name: "--tool-server", type: "string", default: null, group: "server", help: "Tool server URLs for built-in tools (gpt-oss), or demo." }),
];
