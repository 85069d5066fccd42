import "server-only";

interface Entry<T> {
  value: T;
  fetchedAt: string;
  expiresAt: number;
}

/**
 * A short-lived cache with one in-flight request per key: concurrent callers of the same key share
 * one AWS call, and a page refresh within the TTL costs no AWS calls at all. Failures are not cached.
 */
export class TtlCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly inFlight = new Map<string, Promise<Entry<unknown>>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value of `key` (or the result of `load`), with the time it was read from AWS. */
  async get<T>(
    key: string,
    load: () => Promise<T>,
    opts: { fresh?: boolean } = {},
  ): Promise<{ value: T; fetchedAt: string }> {
    const hit = this.entries.get(key);
    if (hit && !opts.fresh && hit.expiresAt > this.now()) return hit as Entry<T>;
    const pending = this.inFlight.get(key);
    if (pending) return (await pending) as Entry<T>;
    const started = this.now();
    const promise = load().then((value) => {
      const entry: Entry<T> = {
        value,
        fetchedAt: new Date(started).toISOString(),
        expiresAt: this.now() + this.ttlMs,
      };
      this.entries.set(key, entry);
      return entry;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Drops every entry (tests, and the benchmark's cold run). */
  clear(): void {
    this.entries.clear();
  }
}
