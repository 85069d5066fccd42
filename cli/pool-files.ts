/**
 * Pools as code: the files `pooldeck export` writes and `diff` / `apply` read.
 *
 *   <dir>/<pool>.pool.json                              the pool: name, type, description,
 *                                                       concurrency_limit, is_paused, base_job_template
 *   <dir>/<pool>.deployments/<flow>--<deployment>.json  one deployment's job_variables
 *
 * Each file records, under "x-pooldeck", the `updated` time and content hash of what Prefect
 * stored when it was exported (or last applied), so apply can refuse a pool that changed since.
 * The JSON is normalised: keys sorted at every depth, except the members of a JSON schema's
 * "properties" (their order is the order Prefect's forms show the variables in); two-space indent
 * and a trailing newline, so exporting an unchanged pool twice gives the same bytes.
 */
import { readdir, stat, writeFile, mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isObject } from "@/lib/template/pointer";
import { isWholePool } from "@/lib/template/pool-document";
import { stableHash } from "@/lib/template/stable-hash";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { readJson, UsageError } from "./input";

export const POOL_SUFFIX = ".pool.json";
const DEPLOYMENTS_SUFFIX = ".deployments";
const META = "x-pooldeck";

/** What Prefect stored when the file was written: apply refuses when either differs now. */
export interface RecordedVersion {
  updated: string | null;
  hash: string;
}

/** The pool fields a pool file manages, by Prefect's names; absent fields are left as they are. */
export interface PoolFields {
  type: string;
  base_job_template: JsonObject;
  description?: string | null;
  concurrency_limit?: number | null;
  is_paused?: boolean;
}

export interface DeploymentFile {
  path: string;
  flow: string;
  deployment: string;
  jobVariables: JsonObject;
  recorded: RecordedVersion | null;
}

export interface PoolFile {
  path: string;
  name: string;
  fields: PoolFields;
  recorded: RecordedVersion | null;
  deployments: DeploymentFile[];
}

/** The value with keys sorted at every depth; a "properties" object keeps its members' order. */
export function normalise(value: JsonValue, keepOrder = false): JsonValue {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (!isObject(value)) return value;
  const keys = keepOrder ? Object.keys(value) : Object.keys(value).sort();
  return Object.fromEntries(keys.map((k) => [k, normalise(value[k]!, k === "properties")]));
}

/** The file text: normalised JSON, two-space indent, trailing newline. */
export function fileText(value: JsonValue): string {
  return JSON.stringify(normalise(value), null, 2) + "\n";
}

/** A pool as Prefect stores it, reduced to the fields a pool file manages. */
export function storedPoolFields(pool: {
  type: string;
  base_job_template?: unknown;
  description?: string | null;
  concurrency_limit?: number | null;
  is_paused?: boolean;
}): Required<PoolFields> {
  return {
    type: pool.type,
    base_job_template: (pool.base_job_template ?? {}) as JsonObject,
    description: pool.description ?? null,
    concurrency_limit: pool.concurrency_limit ?? null,
    is_paused: Boolean(pool.is_paused),
  };
}

/** The content hash of a stored pool (every managed field, key order ignored). */
export function poolHash(fields: Required<PoolFields>): string {
  return stableHash(fields);
}

/** The content hash of a deployment's job_variables. */
export function jobVariablesHash(jobVariables: JsonObject): string {
  return stableHash(jobVariables);
}

/** The stored pool seen through the file: only the fields the file manages. */
export function managedView(stored: Required<PoolFields>, file: PoolFields): JsonObject {
  const view: JsonObject = { type: stored.type, base_job_template: stored.base_job_template };
  for (const key of ["description", "concurrency_limit", "is_paused"] as const) {
    if (file[key] !== undefined) view[key] = stored[key];
  }
  return view;
}

/** A pool file's document. */
export function poolDocument(
  name: string,
  fields: PoolFields,
  recorded: RecordedVersion,
): JsonObject {
  return { name, ...fields, [META]: { kind: "work-pool", ...recorded } } as JsonObject;
}

/** A deployment file's document. */
export function deploymentDocument(
  pool: string,
  d: { flow: string; deployment: string; jobVariables: JsonObject },
  recorded: RecordedVersion,
): JsonObject {
  return {
    pool,
    flow: d.flow,
    deployment: d.deployment,
    job_variables: d.jobVariables,
    [META]: { kind: "deployment", ...recorded },
  };
}

export const poolFilePath = (dir: string, pool: string) => join(dir, `${pool}${POOL_SUFFIX}`);
export const deploymentFilePath = (dir: string, pool: string, flow: string, deployment: string) =>
  join(dir, `${pool}${DEPLOYMENTS_SUFFIX}`, `${flow}--${deployment}.json`);

/** Writes a file, creating its directory. */
export async function writeDocument(path: string, doc: JsonObject): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, fileText(doc));
}

function recordedOf(doc: JsonObject, path: string): RecordedVersion | null {
  const meta = doc[META];
  if (meta === undefined) return null;
  if (
    !isObject(meta) ||
    typeof meta.hash !== "string" ||
    !(typeof meta.updated === "string" || meta.updated === null)
  ) {
    throw new UsageError(
      `${path}: "${META}" must hold the exported "updated" and "hash" (write it with pooldeck export)`,
    );
  }
  return { updated: meta.updated, hash: meta.hash };
}

function parsePool(doc: JsonValue, path: string): Omit<PoolFile, "deployments"> {
  if (!isObject(doc))
    throw new UsageError(
      `${path} is neither a work pool nor a base job template: not a JSON object`,
    );
  if (!isWholePool(doc)) {
    if ("job_configuration" in doc || "variables" in doc) {
      throw new UsageError(
        `${path} is a bare base job template; diff and apply need a pool file that names its pool (write one with pooldeck export --pool <name>)`,
      );
    }
    throw new UsageError(
      `${path} is neither a work pool nor a base job template (no base_job_template, job_configuration or variables)`,
    );
  }
  const bad = (what: string) => new UsageError(`${path}: ${what}`);
  if (typeof doc.name !== "string" || doc.name === "") throw bad(`"name" must be the pool's name`);
  if (typeof doc.type !== "string" || doc.type === "")
    throw bad(`"type" must be the pool's type, e.g. "ecs"`);
  if (!isObject(doc.base_job_template)) throw bad(`"base_job_template" must be a JSON object`);
  const fields: PoolFields = { type: doc.type, base_job_template: doc.base_job_template };
  if (doc.description !== undefined) {
    if (typeof doc.description !== "string" && doc.description !== null)
      throw bad(`"description" must be text or null`);
    fields.description = doc.description;
  }
  if (doc.concurrency_limit !== undefined) {
    const c = doc.concurrency_limit;
    if (c !== null && !(typeof c === "number" && Number.isInteger(c) && c >= 0))
      throw bad(`"concurrency_limit" must be a whole number ≥ 0 or null`);
    fields.concurrency_limit = c;
  }
  if (doc.is_paused !== undefined) {
    if (typeof doc.is_paused !== "boolean") throw bad(`"is_paused" must be true or false`);
    fields.is_paused = doc.is_paused;
  }
  return { path, name: doc.name, fields, recorded: recordedOf(doc, path) };
}

function parseDeployment(doc: JsonValue, path: string, pool: string): DeploymentFile {
  const bad = (what: string) => new UsageError(`${path}: ${what}`);
  if (!isObject(doc)) throw bad("not a deployment file (not a JSON object)");
  if (doc.pool !== pool)
    throw bad(`"pool" must be ${JSON.stringify(pool)}, the pool of the file beside it`);
  if (typeof doc.flow !== "string" || typeof doc.deployment !== "string")
    throw bad(`a deployment file names its "flow" and "deployment"`);
  if (!isObject(doc.job_variables)) throw bad(`"job_variables" must be a JSON object`);
  return {
    path,
    flow: doc.flow,
    deployment: doc.deployment,
    jobVariables: doc.job_variables,
    recorded: recordedOf(doc, path),
  };
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => join(dir, f));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function loadPoolFile(path: string): Promise<PoolFile> {
  const pool = parsePool(await readJson(path, "pool file"), path);
  const stem = basename(path).endsWith(POOL_SUFFIX)
    ? basename(path).slice(0, -POOL_SUFFIX.length)
    : pool.name;
  const deployments: DeploymentFile[] = [];
  const seen = new Map<string, string>();
  for (const file of await jsonFiles(join(dirname(path), `${stem}${DEPLOYMENTS_SUFFIX}`))) {
    const d = parseDeployment(await readJson(file, "deployment file"), file, pool.name);
    const key = `${d.flow}/${d.deployment}`;
    const other = seen.get(key);
    if (other)
      throw new UsageError(
        `two files for deployment ${key} of pool ${pool.name}: ${other} and ${file}`,
      );
    seen.set(key, file);
    deployments.push(d);
  }
  return { ...pool, deployments };
}

/** The pool files named on the command line: one pool file, or every *.pool.json in a directory. */
export async function loadPoolFiles(target: string | undefined): Promise<PoolFile[]> {
  if (!target)
    throw new UsageError(
      "missing <dir-or-file>: a pool file or a directory of them (from pooldeck export)",
    );
  let isDir: boolean;
  try {
    isDir = (await stat(target)).isDirectory();
  } catch {
    throw new UsageError(`${target} does not exist`);
  }
  if (!isDir) return [await loadPoolFile(target)];
  const paths = (await jsonFiles(target)).filter((p) => p.endsWith(POOL_SUFFIX));
  if (paths.length === 0)
    throw new UsageError(
      `${target} holds no *${POOL_SUFFIX} file (write them with pooldeck export)`,
    );
  const pools = await Promise.all(paths.map(loadPoolFile));
  const byName = new Map<string, string>();
  for (const p of pools) {
    const other = byName.get(p.name);
    if (other)
      throw new UsageError(`two files for pool ${p.name} in ${target}: ${other} and ${p.path}`);
    byName.set(p.name, p.path);
  }
  return pools;
}
