import "server-only";

/**
 * Work pools this server has seen in Prefect recently (read or listed), per Prefect server. The
 * pool page uses it to start its response before Prefect answers: only whether the pool exists must
 * be known before the first byte (an unknown pool is a 404), and a pool seen a moment ago almost
 * always still exists. A pool Prefect says is gone, or that Pooldeck deletes, is forgotten at once.
 */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;
const seen = new Map<string, number>();

const key = (apiUrl: string, name: string) => `${apiUrl}\n${name}`;

/** Notes that Prefect at `apiUrl` has a pool named `name` now. */
export function rememberPool(apiUrl: string, name: string): void {
  const k = key(apiUrl, name);
  seen.delete(k); // re-inserted last: the map's order is the eviction order
  seen.set(k, Date.now());
  if (seen.size > MAX_ENTRIES) seen.delete(seen.keys().next().value!);
}

/** Notes that the pool is gone (Prefect answered 404, or it was deleted). */
export function forgetPool(apiUrl: string, name: string): void {
  seen.delete(key(apiUrl, name));
}

/** Whether Prefect at `apiUrl` had a pool named `name` within the last ten minutes. */
export function poolSeenRecently(apiUrl: string, name: string, now = Date.now()): boolean {
  const at = seen.get(key(apiUrl, name));
  return at !== undefined && now - at < TTL_MS;
}
