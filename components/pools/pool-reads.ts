import type { ActionResult } from "@/lib/outcome/types";

/** The pool page's reads asked for once the browser is idle (app/api/pools/[name]/…). */
export type PoolRead = "runs-line" | "deployments";

/**
 * GETs one of the pool page's reads: the route's `{ ok, data }` or `{ ok: false, error }`, and a
 * sentence for what is not that (the sign-in gate's 401, a proxy's error page, no answer at all).
 * A GET, not a server action, so it runs beside a push instead of queued before it.
 */
export async function getPoolRead<T>(poolName: string, read: PoolRead): Promise<ActionResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/pools/${encodeURIComponent(poolName)}/${read}`, { cache: "no-store" });
  } catch {
    return { ok: false, error: "Pooldeck's server did not answer; check the connection" };
  }
  const body = (await res.json().catch(() => null)) as
    ActionResult<T> | { ok?: undefined; error?: unknown } | null;
  if (body && typeof body.ok === "boolean") return body as ActionResult<T>;
  const error = typeof body?.error === "string" ? body.error : null;
  return { ok: false, error: error ?? `Pooldeck's server answered HTTP ${res.status}` };
}
