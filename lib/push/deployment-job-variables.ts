import "server-only";

import { ActionRefusal } from "@/lib/outcome/refusal";
import type { AuditRecorder } from "@/lib/audit/recorder";
import type { Diagnostic } from "@/lib/checks";
import type { PrefectClient } from "@/lib/prefect/client";
import { readDeployment, updateDeploymentJobVariables } from "@/lib/prefect/deployments";
import type { Deployment } from "@/lib/prefect/types";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { jsonEqual, stableHash } from "@/lib/template/stable-hash";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { checkWithCluster, type SnapshotReader } from "./verdict";
import { counted } from "@/lib/template/counted";

/** The rule whose errors Prefect itself would answer with 409: never sent, whatever the override. */
export const PREFECT_REJECTS = "prefect/job-variable-violates-schema";

export interface SaveJobVariablesInput {
  id: string;
  poolName: string;
  jobVariables: JsonObject;
  /** the deployment's `updated` when the user loaded it */
  loadedUpdated: string | null;
  /** the user means to clear every job variable (sending {}) */
  clear?: boolean | undefined;
  /** the deployment's name, typed to save despite check errors Prefect would accept */
  overrideErrors?: string | undefined;
}

const key = (d: Diagnostic) => `${d.rule} ${d.document} ${d.path}`;

/**
 * Saves a deployment's job_variables: refuses when the deployment changed since it was loaded,
 * catches what Prefect would reject before sending, refuses other new errors unless overridden,
 * refuses {} unless `clear` (Prefect stores {} and so clears them), then saves (recorded in the
 * audit history) and reads back to confirm. The re-read, save and read-back hold the deployment's
 * lock in the audit store, so a save from another instance cannot land in between unseen.
 */
export async function saveDeploymentJobVariables(
  client: PrefectClient,
  audit: AuditRecorder,
  input: SaveJobVariablesInput,
  readCluster?: SnapshotReader,
): Promise<{ changed: boolean; updated: string | null; warnings: number }> {
  const deployment = await readDeployment(client, input.id);
  const stored = (deployment.job_variables ?? {}) as JsonObject;
  await refuseIfChanged(audit, deployment, input);
  const clearing = Object.keys(input.jobVariables).length === 0;
  if (clearing && Object.keys(stored).length > 0 && !input.clear) {
    throw new ActionRefusal({
      ok: false,
      error: `Saving {} would clear every job variable of ${deployment.name}: Prefect stores the empty object (it does not ignore it), and the deployment then runs with the pool's defaults. Confirm "clear all job variables" to do that.`,
    });
  }
  const pool = await readWorkPool(client, input.poolName);
  const template = (pool.base_job_template ?? {}) as JsonValue;
  const mode = modeOfPoolType(pool.type);
  const shared = {
    template,
    mode,
    concurrency: {
      pool: pool.concurrency_limit ?? null,
      deployment: deployment.concurrency_limit ?? null,
    },
    ...(readCluster ? { readCluster } : {}),
  };
  const [withVariables, poolOnly] = await Promise.all([
    checkWithCluster({ ...shared, jobVariables: input.jobVariables }),
    checkWithCluster(shared),
  ]);
  const rejected = withVariables.errors.filter((d) => d.rule === PREFECT_REJECTS);
  if (rejected.length > 0) {
    throw new ActionRefusal({
      ok: false,
      error: `Not saved: Prefect would reject these job variables (${rejected.map((d) => d.message).join(" ")})`,
      checkErrors: rejected,
    });
  }
  // errors the pool template has anyway are not this deployment's to fix
  const known = new Set(poolOnly.errors.map(key));
  const introduced = withVariables.errors.filter((d) => !known.has(key(d)));
  if (introduced.length > 0 && input.overrideErrors !== deployment.name) {
    const n = introduced.length;
    throw new ActionRefusal({
      ok: false,
      error: `Not saved: these job variables cause ${counted(n, "error")}. Fix ${n === 1 ? "it" : "them"}, or type the deployment name to save anyway.`,
      checkErrors: introduced,
    });
  }
  const warnings = withVariables.warnings.length;
  const target = { id: input.id, name: deployment.name };
  return audit.exclusive({ deployment: target }, async () => {
    // the checks may have waited on AWS: read again right before writing
    const current = await readDeployment(client, input.id);
    await refuseIfChanged(audit, current, input);
    const now = (current.job_variables ?? {}) as JsonObject;
    if (jsonEqual(now, input.jobVariables)) {
      return { changed: false, updated: current.updated, warnings };
    }
    const after = await audit.record(
      {
        kind: "deployment.job_variables",
        pool: input.poolName,
        deployment: { id: input.id, name: deployment.name },
        before: { job_variables: now },
        after: { job_variables: input.jobVariables },
      },
      async () => {
        await updateDeploymentJobVariables(client, input.id, input.poolName, input.jobVariables);
        const read = await readDeployment(client, input.id);
        return {
          result: read,
          stored: { job_variables: (read.job_variables ?? {}) as JsonObject },
        };
      },
    );
    if (!jsonEqual((after.job_variables ?? {}) as JsonObject, input.jobVariables)) {
      throw new ActionRefusal({
        ok: false,
        error: `Prefect answered, but the job variables it stores for ${deployment.name} differ from what was sent. Reload and compare.`,
      });
    }
    return { changed: true, updated: after.updated, warnings };
  });
}

/** Refuses (and records the refused attempt) when the deployment changed since it was loaded. */
async function refuseIfChanged(
  audit: AuditRecorder,
  deployment: Deployment,
  input: SaveJobVariablesInput,
): Promise<void> {
  if (deployment.updated === input.loadedUpdated) return;
  const stored = (deployment.job_variables ?? {}) as JsonObject;
  const error = `Deployment ${deployment.name} changed in Prefect since you loaded it (updated ${deployment.updated ?? "at an unknown time"}). Nothing was saved; compare and carry your edit over.`;
  await audit.refused(
    {
      kind: "deployment.job_variables",
      pool: input.poolName,
      deployment: { id: input.id, name: deployment.name },
      before: { job_variables: stored },
      after: { job_variables: input.jobVariables },
    },
    error,
  );
  throw new ActionRefusal({
    ok: false,
    error,
    conflict: {
      remote: { updated: deployment.updated ?? "", template: stored, hash: stableHash(stored) },
    },
  });
}
