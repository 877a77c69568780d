import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { authedFetch, signIn, TEST_ADMIN, useSession } from "./session";
import { ACTIVE_PHASES } from "../../lib/instance-phase";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
const SERVER_ENTRY = path.join(PROJECT_ROOT, "dist/server/server/index.js");
/** How `npm start` starts it (the same process: the script execs node). */
const START_SCRIPT = path.join(PROJECT_ROOT, "scripts/start-console.sh");

export interface RunningConsole {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** The `Cookie` header of the administrator's session (none with `signedIn: false`). */
  cookie: string;
  /** Stops every instance still running (servers outlive the console), then SIGTERM and wait for exit. */
  stop: () => Promise<void>;
  /** SIGTERM and wait for exit, leaving instances running (they are taken over by the next console). */
  stopConsoleOnly: () => Promise<void>;
}

/**
 * Starts the built console (`npm run build` first) on a free port with its own data folder, the simulator
 * forced and fast. Resolves on its ready line; fails with its output if it exits or stays silent too long.
 */
export async function startConsole(
  options: { env?: Record<string, string>; dataDir?: string; idleTimeoutMs?: number; signedIn?: boolean } = {},
): Promise<RunningConsole> {
  const signedIn = options.signedIn ?? true;
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` before the integration and e2e tests.`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sglang-console-test-"));
  const child = spawn("sh", [START_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE: process.execPath,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SGLANG_MODE: "simulator",
      SGLANG_SIM_SPEED: "1000",
      STOP_GRACE_S: "5",
      ...(signedIn ? { CONSOLE_ADMIN_EMAIL: TEST_ADMIN.email, CONSOLE_ADMIN_PASSWORD: TEST_ADMIN.password } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    let idle: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new Error(`The console printed nothing for ${options.idleTimeoutMs ?? 60_000} ms:\n${output}`)), options.idleTimeoutMs ?? 60_000);
    };
    const fail = (error: Error) => {
      clearTimeout(idle);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (data: Buffer) => {
      output += data.toString();
      arm();
      const match = /SGLang Console ready on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(idle);
        // From here on the listeners below keep the output (once: it was kept twice).
        child.stdout!.off("data", onData);
        child.stderr!.off("data", onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`The console exited with code ${code} before it was ready:\n${output}`)));
    arm();
  });
  child.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
  const stopConsoleOnly = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const cookie = signedIn ? await signIn(url) : "";
  if (signedIn) useSession(url, cookie);
  return {
    url,
    cookie,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    output: () => output,
    stopConsoleOnly,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) await stopAllInstances(url);
      await stopConsoleOnly();
    },
  };
}

const ACTIVE: readonly string[] = ACTIVE_PHASES;

/** Stops every active instance of a console, so that tests leave no server behind. */
export async function stopAllInstances(url: string): Promise<void> {
  try {
    const response = await authedFetch(`${url}/api/instances`);
    const { instances } = (await response.json()) as { instances: { id: string; phase: string; restart?: { nextAt: string | null } }[] };
    await Promise.all(
      instances
        .filter((instance) => ACTIVE.includes(instance.phase) || instance.restart?.nextAt)
        .map((instance) => authedFetch(`${url}/api/instances/${instance.id}/stop`, { method: "POST" })),
    );
  } catch {
    // The console is gone already; nothing to ask it.
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
