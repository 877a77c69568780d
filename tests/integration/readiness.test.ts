import net from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeadlineExceededError, fetchWithDeadline } from "@/server/http/fetch-with-deadline";
import { waitForReady } from "@/server/supervisor/readiness";

// A server that accepts every connection and never answers: a zombie SGLang whose HTTP thread is stuck.
let silent: net.Server;
let silentUrl: string;
const sockets = new Set<net.Socket>();

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** Allocates and collects while `promise` is pending, as a long-running console does. */
async function underGarbageCollection<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  const churn = setInterval(() => {
    if (settled) return;
    const garbage = Array.from({ length: 20_000 }, (_, i) => ({ i, text: `x${i}` }));
    void garbage.length;
    collectGarbage();
  }, 20);
  try {
    return await promise;
  } finally {
    settled = true;
    clearInterval(churn);
  }
}

beforeAll(async () => {
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("outbound requests bounded by a timer the console owns", () => {
  it("gives up on a server that never answers, even while the garbage collector runs", async () => {
    const started = Date.now();
    const attempt = fetchWithDeadline(`${silentUrl}/health`, { timeoutMs: 500 }).then(
      () => "answered",
      (error: unknown) => error,
    );
    const outcome = await underGarbageCollection(attempt);
    expect(outcome).toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("still passes on the caller's abort", async () => {
    const controller = new AbortController();
    const attempt = fetchWithDeadline(`${silentUrl}/health`, { timeoutMs: 60_000, signal: controller.signal }).catch((error: unknown) => error);
    setTimeout(() => controller.abort(new Error("stopped by the user")), 100);
    const outcome = await underGarbageCollection(attempt);
    expect((outcome as Error).message).toBe("stopped by the user");
  });

  it("ends the readiness wait at its deadline when the server accepts and never answers", async () => {
    const started = Date.now();
    const result = await underGarbageCollection(
      waitForReady({
        baseUrl: silentUrl,
        apiKey: null,
        intervalMs: 50,
        timeoutMs: 1500,
        isAlive: () => true,
        signal: new AbortController().signal,
      }),
    );
    expect(result).toEqual({ ready: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
