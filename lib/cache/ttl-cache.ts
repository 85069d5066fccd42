import "server-only";

interface Entry<T> {
  value: T;
  fetchedAt: string;
  expiresAt: number;
}

const answer = <T>({ value, fetchedAt }: Entry<T>) => ({ value, fetchedAt });

/**
 * A short-lived cache with one in-flight request per key: concurrent callers of the same key share
 * one upstream call, and a repeat within the TTL costs no call at all. Failures are not cached.
 * A TTL of 0 (for the cache or one key) keeps nothing: only the request in flight is shared.
 * Expired entries are swept at most once per TTL, so the map holds only keys read in the last two
 * TTLs however many distinct keys pass through it.
 */
export class TtlCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly inFlight = new Map<string, Promise<Entry<unknown>>>();
  /** bumped by clear(): a load that started before it neither stores nor is shared after it */
  private generation = 0;
  private lastSweep: number;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /**
   * The cached value of `key` (or the result of `load`), with the time it was read upstream.
   * `fresh` skips a stored value (a concurrent identical read is still shared); `ttlMs` overrides
   * the cache's TTL for this key.
   */
  async get<T>(
    key: string,
    load: () => Promise<T>,
    opts: { fresh?: boolean; ttlMs?: number } = {},
  ): Promise<{ value: T; fetchedAt: string }> {
    const hit = this.entries.get(key);
    if (hit && !opts.fresh && hit.expiresAt > this.now()) return answer(hit as Entry<T>);
    const pending = this.inFlight.get(key);
    if (pending) return answer((await pending) as Entry<T>);
    const started = this.now();
    const generation = this.generation;
    const ttlMs = opts.ttlMs ?? this.ttlMs;
    const promise = load().then((value) => {
      const entry: Entry<T> = {
        value,
        fetchedAt: new Date(started).toISOString(),
        expiresAt: this.now() + ttlMs,
      };
      if (ttlMs > 0 && generation === this.generation) this.store(key, entry);
      return entry;
    });
    this.inFlight.set(key, promise);
    try {
      return answer(await promise);
    } finally {
      // clear() may have let a newer load of the key start meanwhile: leave that one
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    }
  }

  /** How many values are stored (expired ones included until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Drops every stored value and stops sharing the requests in flight: the next read of any key
   * goes upstream (after a write, and for tests and the benchmark's cold run).
   */
  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
    this.generation++;
  }

  private store(key: string, entry: Entry<unknown>): void {
    const now = this.now();
    if (now - this.lastSweep >= this.ttlMs) {
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
      this.lastSweep = now;
    }
    this.entries.set(key, entry);
  }
}
