import { describe, expect, it } from "vitest";
import { TtlCache } from "../../lib/ttl-cache";

/** A cache on a hand-moved clock, and a lookup that counts its calls and answers when told to. */
function setUp(options: { ttlMs?: number; refreshAfterMs?: number; maxEntries?: number } = {}) {
  let now = 0;
  const deferred: (() => void)[] = [];
  const cache = new TtlCache<string, string>({
    ttlMs: options.ttlMs ?? 1000,
    refreshAfterMs: options.refreshAfterMs,
    maxEntries: options.maxEntries,
    now: () => now,
    defer: (run) => deferred.push(run),
  });
  const pending: { key: string; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  let calls = 0;
  const lookUp = (key: string) => () => {
    calls += 1;
    return new Promise<string>((answer, fail) => pending.push({ key, answer, fail }));
  };
  return {
    cache,
    lookUp,
    pending,
    calls: () => calls,
    at: (ms: number) => {
      now = ms;
    },
    /** Runs the background lookups asked for so far. */
    runDeferred: () => deferred.splice(0).forEach((run) => run()),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A cache (1 s to live, refreshed after 0.5 s) holding "one" for "a", at 0.6 s: past the refresh age, within the time allowed. */
async function pastRefreshAge() {
  const setup = setUp({ ttlMs: 1000, refreshAfterMs: 500 });
  const first = setup.cache.get("a", setup.lookUp("a"));
  setup.pending[0]!.answer("one");
  await first;
  setup.at(600);
  return setup;
}

describe("answers trusted for a short time", () => {
  it("looks a key up once, then answers from memory until the time is up, counted from the lookup's start", async () => {
    const { cache, lookUp, pending, calls, at } = setUp();
    const first = cache.get("a", lookUp("a"));
    at(100);
    pending[0]!.answer("one");
    expect(await first).toBe("one");
    at(400);
    expect(await cache.get("a", lookUp("a"))).toBe("one");
    expect(calls()).toBe(1);
    at(1000);
    const again = cache.get("a", lookUp("a"));
    expect(calls()).toBe(2);
    pending[1]!.answer("two");
    expect(await again).toBe("two");
  });

  it("shares one lookup between callers that miss at the same time", async () => {
    const { cache, lookUp, pending, calls } = setUp();
    const answers = Promise.all([cache.get("a", lookUp("a")), cache.get("a", lookUp("a")), cache.get("a", lookUp("a"))]);
    pending[0]!.answer("one");
    expect(await answers).toEqual(["one", "one", "one"]);
    expect(calls()).toBe(1);
  });

  it("past the refresh age, answers from memory at once and looks up again in the background, once, a moment later", async () => {
    const { cache, lookUp, pending, calls, at, runDeferred } = await pastRefreshAge();
    expect(await cache.get("a", lookUp("a"))).toBe("one");
    expect(await cache.get("a", lookUp("a"))).toBe("one");
    expect(calls()).toBe(1);
    runDeferred();
    expect(calls()).toBe(2);
    pending[1]!.answer("two");
    await settle();
    at(1050);
    expect(await cache.get("a", lookUp("a"))).toBe("two");
    expect(calls()).toBe(2);
  });

  it("keeps the old answer when a background lookup fails, and never one older than the time allowed", async () => {
    const { cache, lookUp, pending, calls, at, runDeferred } = await pastRefreshAge();
    expect(await cache.get("a", lookUp("a"))).toBe("one");
    runDeferred();
    pending[1]!.fail(new Error("database busy"));
    await settle();
    at(999);
    expect(await cache.get("a", lookUp("a"))).toBe("one");
    at(1000);
    const late = cache.get("a", lookUp("a"));
    expect(calls()).toBe(3);
    pending[2]!.fail(new Error("database gone"));
    await expect(late).rejects.toThrow("database gone");
  });

  it("clear forgets at once: remembered answers and the answers of lookups under way", async () => {
    const { cache, lookUp, pending, calls } = setUp();
    const first = cache.get("a", lookUp("a"));
    pending[0]!.answer("signed in");
    await first;
    const underWay = cache.get("b", lookUp("b"));
    cache.clear();
    pending[1]!.answer("signed in");
    expect(await underWay).toBe("signed in");
    const afterA = cache.get("a", lookUp("a"));
    const afterB = cache.get("b", lookUp("b"));
    expect(calls()).toBe(4);
    pending[2]!.answer("revoked");
    pending[3]!.answer("revoked");
    expect([await afterA, await afterB]).toEqual(["revoked", "revoked"]);
  });

  it("skips a deferred refresh that a lookup or a clear() made needless", async () => {
    const { cache, lookUp, pending, calls, at, runDeferred } = setUp({ ttlMs: 1000, refreshAfterMs: 500 });
    const first = cache.get("a", lookUp("a"));
    pending[0]!.answer("one");
    await first;
    at(900);
    await cache.get("a", lookUp("a"));
    at(1000);
    const missed = cache.get("a", lookUp("a"));
    runDeferred();
    expect(calls()).toBe(2);
    pending[1]!.answer("two");
    await missed;
    at(1600);
    await cache.get("a", lookUp("a"));
    cache.clear();
    runDeferred();
    expect(calls()).toBe(2);
  });

  it("drops the oldest entries past its size", async () => {
    const { cache, lookUp, pending } = setUp({ maxEntries: 2 });
    for (const key of ["a", "b", "c"]) {
      const answer = cache.get(key, lookUp(key));
      pending.at(-1)!.answer(key);
      await answer;
    }
    expect(cache.size).toBe(2);
    void cache.get("a", lookUp("a"));
    expect(pending.at(-1)!.key).toBe("a");
  });
});
