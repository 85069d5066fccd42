/**
 * Change detection for pushes (pure). Prefect has no ETag, so "did the pool change since the user
 * loaded it" is its `updated` time plus a hash of its template, compared right before writing.
 */
import { jsonEqual, stableHash } from "@/lib/template/stable-hash";
import type { JsonObject, JsonValue } from "@/lib/template/types";

/** What the user saw when they started editing. */
export interface LoadedVersion {
  updated: string | null;
  hash: string;
}

/** The template hash Pooldeck compares (Prefect's null or missing template counts as {}). */
export function templateHash(template: JsonValue | undefined | null): string {
  return stableHash(template ?? {});
}

/** True when the stored version is not the one the user loaded (either the time or the template differs). */
export function changedSince(loaded: LoadedVersion, remote: LoadedVersion): boolean {
  return loaded.updated !== remote.updated || loaded.hash !== remote.hash;
}

export interface PoolFields {
  base_job_template?: JsonObject;
  description?: string | null;
  is_paused?: boolean;
  concurrency_limit?: number | null;
}

/**
 * Only the fields whose desired value differs from the stored one; each key Pooldeck sends
 * replaces the stored value whole, so unchanged fields stay out of the PATCH.
 */
export function changedFields(stored: PoolFields, desired: PoolFields): PoolFields {
  const out: PoolFields = {};
  if (
    desired.base_job_template !== undefined &&
    !jsonEqual(desired.base_job_template, stored.base_job_template ?? {})
  ) {
    out.base_job_template = desired.base_job_template;
  }
  if (desired.description !== undefined && desired.description !== (stored.description ?? null))
    out.description = desired.description;
  if (desired.is_paused !== undefined && desired.is_paused !== Boolean(stored.is_paused))
    out.is_paused = desired.is_paused;
  if (
    desired.concurrency_limit !== undefined &&
    desired.concurrency_limit !== (stored.concurrency_limit ?? null)
  ) {
    out.concurrency_limit = desired.concurrency_limit;
  }
  return out;
}
