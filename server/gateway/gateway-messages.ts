// What the console and the gateway's process say to each other over the IPC channel (JSON).
import type { AdmitRequest } from "./gateway-control";
import type { CountedUsage } from "./proxy-completion";

export interface GuardOptions {
  consoleOrigins: readonly string[];
  trustProxy: boolean;
}

/** The control's calls the gateway's process may make, with their arguments. */
export type ControlCall =
  | { method: "models"; args: [authorization: string | undefined] }
  | { method: "admit"; args: [authorization: string | undefined, request: AdmitRequest] };

export type ToGateway =
  | { type: "init"; guard: GuardOptions }
  /** Sent with the socket itself; `head` (base64) is what the console had read of it. */
  | { type: "connection"; head: string }
  | { type: "reply"; id: number; result: unknown }
  | { type: "reply"; id: number; error: string };

export type FromGateway =
  | { type: "ready" }
  | { type: "call"; id: number; call: ControlCall }
  | { type: "finish"; ticket: number; usage: CountedUsage }
  | { type: "log"; message: string };
