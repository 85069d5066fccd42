import "server-only";

import { ActionRefusal } from "@/lib/outcome/refusal";
import type { AuditRecorder } from "@/lib/audit/recorder";
import { applyOps } from "@/lib/template/editing/document-model";
import { decidePreset, PRESETS, type PresetId } from "@/lib/template/editing/presets";
import type { PrefectClient } from "@/lib/prefect/client";
import { validateWorkPoolName } from "@/lib/prefect/names";
import {
  createWorkPool,
  getDefaultTemplates,
  readWorkPool,
  updateWorkPool,
} from "@/lib/prefect/work-pools";
import type { WorkPool } from "@/lib/prefect/types";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { changedFields, templateHash } from "./changes";
import { modeOfPoolType, type EcsPoolType } from "@/lib/template/pool-type";
import { checkWithCluster, type SnapshotReader } from "./verdict";
import { counted } from "@/lib/template/counted";

export type PoolSource =
  { preset: "default" | PresetId } | { pool: string } | { template: JsonObject };

export interface CreatePoolInput {
  name: string;
  type: EcsPoolType;
  from: PoolSource;
  overrideErrors?: string | undefined;
}

async function startingTemplate(
  client: PrefectClient,
  type: string,
  from: PoolSource,
): Promise<JsonObject> {
  if ("template" in from) return from.template;
  if ("pool" in from) {
    const source = await readWorkPool(client, from.pool);
    return (source.base_job_template ?? {}) as JsonObject;
  }
  const defaults = await getDefaultTemplates(client);
  const base = defaults[type]?.baseJobTemplate as JsonObject | undefined;
  if (!base) {
    throw new ActionRefusal({
      ok: false,
      error: `Prefect offers no default template for ${type} pools${type === "ecs:push" ? " (push pools exist only on Prefect Cloud)" : " (prefect-aws is not installed where the server runs)"}.`,
    });
  }
  if (from.preset === "default") return base;
  // presets are the editor's one-click edits; applying them to the default text gives the same JSON.
  // The default template names no cluster, so a preset that needs one is refused with its reason.
  const decision = decidePreset(base, from.preset, { kind: "none" }, modeOfPoolType(type));
  if (decision.kind !== "apply") {
    const label = PRESETS.find((p) => p.id === from.preset)?.label ?? from.preset;
    throw new ActionRefusal({
      ok: false,
      error: `The “${label}” preset cannot start a new pool: ${decision.reason}. Create the pool from the default template, pick its cluster in the editor, then apply the preset.`,
    });
  }
  return JSON.parse(applyOps(JSON.stringify(base), decision.ops)) as JsonObject;
}

/**
 * Creates an ECS work pool from a preset, another pool's template, or a given template. The name
 * is checked the way Prefect checks it before anything is sent; the template's check errors
 * refuse creation unless the user typed the new pool's name.
 */
export async function createEcsPool(
  client: PrefectClient,
  audit: AuditRecorder,
  input: CreatePoolInput,
  readCluster?: SnapshotReader,
): Promise<{ name: string; updated: string | null; hash: string; warnings: number }> {
  const problem = validateWorkPoolName(input.name);
  if (problem) {
    throw new ActionRefusal({
      ok: false,
      error: problem.message,
      fieldErrors: { name: [problem.message] },
    });
  }
  const template = await startingTemplate(client, input.type, input.from);
  const verdict = await checkWithCluster({
    template,
    mode: modeOfPoolType(input.type),
    ...(readCluster ? { readCluster } : {}),
  });
  if (verdict.errors.length > 0 && input.overrideErrors !== input.name) {
    const n = verdict.errors.length;
    throw new ActionRefusal({
      ok: false,
      error: `Not created: the template has ${counted(n, "error")}. Fix ${n === 1 ? "it" : "them"}, or type the pool name to create it anyway.`,
      checkErrors: verdict.errors,
    });
  }
  const pool = await audit.record(
    {
      kind: "pool.create",
      pool: input.name,
      before: null,
      after: { type: input.type, base_job_template: template },
    },
    async () => {
      const created = await createWorkPool(client, {
        name: input.name,
        type: input.type,
        base_job_template: template,
      });
      const stored = (created.base_job_template ?? {}) as JsonObject;
      return { result: created, stored: { type: created.type, base_job_template: stored } };
    },
  );
  return {
    name: pool.name,
    updated: pool.updated,
    hash: templateHash(pool.base_job_template as JsonValue),
    warnings: verdict.warnings.length,
  };
}

/** Sets is_paused and/or concurrency_limit (null = no limit), sending only what differs (recorded); returns the stored values. */
export async function setPoolStatus(
  client: PrefectClient,
  audit: AuditRecorder,
  name: string,
  desired: { is_paused?: boolean; concurrency_limit?: number | null },
): Promise<{ isPaused: boolean; concurrencyLimit: number | null; changed: boolean }> {
  // PATCH on an unknown pool answers 500; reading first gives a 404 that names the pool
  const current = await readWorkPool(client, name);
  const status = (pool: WorkPool) => ({
    is_paused: Boolean(pool.is_paused),
    concurrency_limit: pool.concurrency_limit ?? null,
  });
  const patch = changedFields(status(current), desired);
  const keys = Object.keys(patch) as (keyof ReturnType<typeof status>)[];
  if (keys.length === 0) {
    return {
      isPaused: Boolean(current.is_paused),
      concurrencyLimit: current.concurrency_limit ?? null,
      changed: false,
    };
  }
  // exactly the fields sent, before and after
  const only = (fields: ReturnType<typeof status>): JsonObject =>
    Object.fromEntries(keys.map((k) => [k, fields[k]]));
  const kind =
    patch.is_paused === undefined
      ? "pool.concurrency"
      : patch.is_paused
        ? "pool.pause"
        : "pool.resume";
  const after = await audit.record(
    {
      kind,
      pool: name,
      before: only(status(current)),
      after: only(status({ ...current, ...patch })),
    },
    async () => {
      await updateWorkPool(client, name, patch);
      const pool = await readWorkPool(client, name);
      return { result: pool, stored: only(status(pool)) };
    },
  );
  return {
    isPaused: Boolean(after.is_paused),
    concurrencyLimit: after.concurrency_limit ?? null,
    changed: true,
  };
}
