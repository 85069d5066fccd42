import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { TtlCache } from "./ttl-cache";

/** A loader that counts its calls and answers only when told to (so calls can overlap). */
function countingLoader<T>(value: (n: number) => T) {
  let calls = 0;
  const waiting: (() => void)[] = [];
  const load = () => {
    const n = ++calls;
    return new Promise<T>((resolve) => waiting.push(() => resolve(value(n))));
  };
  const answerAll = () => waiting.splice(0).forEach((answer) => answer());
  return { load, answerAll, calls: () => calls };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-06T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("TtlCache", () => {
  it("gives concurrent callers of a key one call, and a repeat within the TTL none", async () => {
    const cache = new TtlCache(15_000);
    const l = countingLoader((n) => `answer ${n}`);
    const reads = Array.from({ length: 50 }, () => cache.get("k", l.load));
    l.answerAll();
    const got = await Promise.all(reads);
    expect(l.calls()).toBe(1);
    expect(new Set(got.map((g) => g.value))).toEqual(new Set(["answer 1"]));
    expect(got[0]!.fetchedAt).toBe("2026-12-06T12:00:00.000Z");

    vi.advanceTimersByTime(14_999);
    expect((await cache.get("k", l.load)).value).toBe("answer 1");
    expect(l.calls()).toBe(1);
  });

  it("reads again once the TTL has passed, and a fresh read skips the stored value", async () => {
    const cache = new TtlCache(15_000);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect((await cache.get("k", load)).value).toBe(1);
    vi.advanceTimersByTime(15_000);
    const second = await cache.get("k", load);
    expect(second).toEqual({ value: 2, fetchedAt: "2026-12-06T12:00:15.000Z" });
    expect((await cache.get("k", load, { fresh: true })).value).toBe(3);
    expect((await cache.get("k", load)).value).toBe(3);
    expect((await cache.get("other", load)).value).toBe(4);
  });

  it("does not keep a failure: the next caller asks again", async () => {
    const cache = new TtlCache(15_000);
    let calls = 0;
    const load = () =>
      ++calls === 1 ? Promise.reject(new Error("throttled")) : Promise.resolve(calls);
    await expect(cache.get("k", load)).rejects.toThrow("throttled");
    expect((await cache.get("k", load)).value).toBe(2);
    expect(calls).toBe(2);
  });

  it("with a TTL of 0 shares only the call in flight", async () => {
    const cache = new TtlCache(0);
    const l = countingLoader((n) => n);
    const both = Promise.all([cache.get("k", l.load), cache.get("k", l.load)]);
    l.answerAll();
    expect((await both).map((g) => g.value)).toEqual([1, 1]);
    const third = cache.get("k", l.load);
    l.answerAll();
    expect((await third).value).toBe(2);
    expect(l.calls()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("keeps a key's own TTL over the cache's", async () => {
    const cache = new TtlCache(0);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    await cache.get("k", load, { ttlMs: 5_000 });
    vi.advanceTimersByTime(4_999);
    expect((await cache.get("k", load, { ttlMs: 5_000 })).value).toBe(1);
    vi.advanceTimersByTime(1);
    expect((await cache.get("k", load, { ttlMs: 5_000 })).value).toBe(2);
  });

  it("after clear() neither shares a call that started before it nor stores its answer", async () => {
    const cache = new TtlCache(15_000);
    const l = countingLoader((n) => n);
    const before = cache.get("k", l.load);
    cache.clear();
    const after = cache.get("k", l.load);
    l.answerAll();
    expect((await before).value).toBe(1);
    expect((await after).value).toBe(2);
    // the answer stored is the one read after clear(), and it is shared from now on
    expect((await cache.get("k", l.load)).value).toBe(2);
    expect(l.calls()).toBe(2);
  });

  it("sweeps expired keys, so many distinct keys over time do not pile up", async () => {
    const cache = new TtlCache(15_000);
    for (let minute = 0; minute < 10; minute++) {
      for (let i = 0; i < 100; i++) await cache.get(`m${minute}-k${i}`, () => Promise.resolve(i));
      vi.advanceTimersByTime(60_000);
    }
    // the 1,000 earlier keys have all expired and are gone
    await cache.get("last", () => Promise.resolve(0));
    expect(cache.size).toBe(1);
  });
});
