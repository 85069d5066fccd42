import { getJson } from "@/lib/browser/get-json";
import type { ActionResult } from "@/lib/outcome/types";

/** The pool page's reads asked for once the browser is idle (app/api/pools/[name]/…). */
export type PoolRead = "runs-line" | "deployments";

/**
 * GETs one of the pool page's reads. The route answers a failure with an error status and its
 * sentence, which getJson throws (useIdleRead shows it). A GET, not a server action, so it runs
 * beside a push instead of queued before it.
 */
export function getPoolRead<T>(poolName: string, read: PoolRead): Promise<ActionResult<T>> {
  return getJson<ActionResult<T>>(`/api/pools/${encodeURIComponent(poolName)}/${read}`);
}
