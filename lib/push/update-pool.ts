import "server-only";

import { ActionRefusal } from "@/lib/outcome/refusal";
import type { AuditRecorder } from "@/lib/audit/recorder";
import type { PrefectClient } from "@/lib/prefect/client";
import { readWorkPool, updateWorkPool } from "@/lib/prefect/work-pools";
import type { WorkPool } from "@/lib/prefect/types";
import { stableStringify } from "@/lib/template/stable-hash";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { changedFields, changedSince, templateHash } from "./changes";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { checkWithCluster, type SnapshotReader } from "./verdict";
import { counted } from "@/lib/template/counted";

export interface PushTemplateInput {
  name: string;
  template: JsonObject;
  /** the pool's `updated` when the user loaded it */
  loadedUpdated: string | null;
  /** templateHash of the template the user loaded */
  loadedTemplateHash: string;
  /** the pool's name, typed by the user to push despite check errors */
  overrideErrors?: string | undefined;
  /** the description to store with the template (`pooldeck apply`); absent: left as it is */
  description?: string | null | undefined;
}

export interface PushTemplateResult {
  /** false when the template was already stored: nothing was sent */
  changed: boolean;
  updated: string | null;
  hash: string;
  warnings: number;
  /** errors pushed anyway (the user typed the pool name) */
  overriddenErrors: number;
  clusterProblem: string | null;
}

/**
 * Refuses (and records the refused attempt) when the pool changed since the user loaded it,
 * handing back Prefect's version so the editor can show both.
 */
async function refuseIfChanged(
  audit: AuditRecorder,
  pool: WorkPool,
  input: PushTemplateInput,
): Promise<void> {
  const remote = { updated: pool.updated, hash: templateHash(pool.base_job_template as JsonValue) };
  if (!changedSince({ updated: input.loadedUpdated, hash: input.loadedTemplateHash }, remote)) {
    return;
  }
  const error = `Pool ${input.name} changed in Prefect since you loaded it (updated ${pool.updated ?? "at an unknown time"}). Nothing was pushed; compare both versions and carry your edit over.`;
  await audit.refused(
    {
      kind: "pool.update",
      pool: input.name,
      before: { base_job_template: (pool.base_job_template ?? {}) as JsonObject },
      after: { base_job_template: input.template },
    },
    error,
  );
  throw new ActionRefusal({
    ok: false,
    error,
    conflict: {
      remote: {
        updated: pool.updated ?? "",
        template: (pool.base_job_template ?? {}) as JsonValue,
        hash: remote.hash,
      },
    },
  });
}

/**
 * Pushes a pool's base job template: refuses when the pool changed since it was loaded (checked
 * before the checks and again right before PATCH), when any check errs (unless the user typed
 * the pool name), then sends only what changed, recorded in the audit history, and reads the
 * pool back to confirm Prefect stored exactly this template. The re-read, PATCH and read-back
 * hold the pool's lock in the audit store, so two instances cannot both pass the re-read and
 * overwrite each other: the second waits, re-reads the first one's version and is refused.
 */
export async function pushPoolTemplate(
  client: PrefectClient,
  audit: AuditRecorder,
  input: PushTemplateInput,
  readCluster?: SnapshotReader,
): Promise<PushTemplateResult> {
  const before = await readWorkPool(client, input.name);
  await refuseIfChanged(audit, before, input);
  const verdict = await checkWithCluster({
    template: input.template,
    mode: modeOfPoolType(before.type),
    concurrency: { pool: before.concurrency_limit ?? null },
    ...(readCluster ? { readCluster } : {}),
  });
  const overriding = input.overrideErrors !== undefined && input.overrideErrors === input.name;
  if (verdict.errors.length > 0 && !overriding) {
    const n = verdict.errors.length;
    throw new ActionRefusal({
      ok: false,
      error: `Not pushed: the template has ${counted(n, "error")}. Fix ${n === 1 ? "it" : "them"}, or type the pool name to push anyway.`,
      checkErrors: verdict.errors,
    });
  }
  const summary = {
    warnings: verdict.warnings.length,
    overriddenErrors: overriding ? verdict.errors.length : 0,
    clusterProblem: verdict.clusterProblem,
  };
  const hash = templateHash(input.template);
  return audit.exclusive({ pool: input.name }, async () => {
    // the checks may have waited on AWS: read again right before writing
    const current = await readWorkPool(client, input.name);
    await refuseIfChanged(audit, current, input);
    const stored = {
      base_job_template: (current.base_job_template ?? {}) as JsonObject,
      description: current.description ?? null,
    };
    const patch = changedFields(stored, {
      base_job_template: input.template,
      ...(input.description === undefined ? {} : { description: input.description }),
    });
    if (Object.keys(patch).length === 0) {
      return { changed: false, updated: current.updated, hash, ...summary };
    }
    // the history holds the template, and the description only when it changes
    const withDescription = patch.description !== undefined;
    const recorded = (pool: WorkPool): JsonObject => ({
      base_job_template: (pool.base_job_template ?? {}) as JsonObject,
      ...(withDescription ? { description: pool.description ?? null } : {}),
    });
    const after = await audit.record(
      {
        kind: "pool.update",
        pool: input.name,
        before: recorded(current),
        after: recorded({ ...current, base_job_template: input.template, ...patch }),
      },
      async () => {
        await updateWorkPool(client, input.name, patch);
        const pool = await readWorkPool(client, input.name);
        return { result: pool, stored: recorded(pool) };
      },
    );
    if (
      stableStringify(after.base_job_template ?? {}) !== stableStringify(input.template) ||
      (withDescription && (after.description ?? null) !== patch.description)
    ) {
      throw new ActionRefusal({
        ok: false,
        error: `Prefect answered the update of ${input.name}, but the ${withDescription ? "pool" : "template"} it stores now differs from what was pushed (another write may have landed at the same moment). Reload the pool and compare before pushing again.`,
        conflict: {
          remote: {
            updated: after.updated ?? "",
            template: (after.base_job_template ?? {}) as JsonValue,
            hash: templateHash(after.base_job_template as JsonValue),
          },
        },
      });
    }
    return { changed: true, updated: after.updated, hash, ...summary };
  });
}
