/**
 * ECSWorker._task_definitions_equal (prefect_aws/workers/ecs_worker.py): how the worker decides
 * that the task definition it prepared for a flow run is "the same" as one ECS returned, so it can
 * use that revision instead of registering a new one.
 *
 * For both sides it: defaults networkMode to "bridge"; defaults every container's `essential` to
 * true; sorts environment and secrets by name and environmentFiles by value (ECS keeps them as
 * sets); drops empty values (None, "", 0, [], {} — not false) recursively; and removes the fields
 * ECS adds on registration. Then it compares with Python's `==`.
 */
import { dropEmptyKeys } from "./ecs-worker-steps";
import { cloneJson, isObject } from "./pointer";
import { sha256Hex } from "./stable-hash";
import type { JsonObject, JsonValue } from "./types";

/** ECS_POST_REGISTRATION_FIELDS: what DescribeTaskDefinition adds that the worker never sends. */
export const ECS_POST_REGISTRATION_FIELDS = [
  "compatibilities",
  "taskDefinitionArn",
  "revision",
  "status",
  "requiresAttributes",
  "registeredAt",
  "registeredBy",
  "deregisteredAt",
] as const;

function byKey(key: string) {
  return (a: JsonValue, b: JsonValue): number => {
    const x = isObject(a) && typeof a[key] === "string" ? a[key] : "";
    const y = isObject(b) && typeof b[key] === "string" ? b[key] : "";
    // Python sorts str by code point; the sort is stable like Python's
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** One side of the comparison after the worker's normalisation (a copy; the input is untouched). */
export function normaliseTaskDefinition(taskDefinition: JsonObject): JsonObject {
  const td = cloneJson(taskDefinition);
  if (!Object.hasOwn(td, "networkMode")) td.networkMode = "bridge";
  const containers = td.containerDefinitions;
  if (Array.isArray(containers)) {
    for (const container of containers) {
      if (!isObject(container)) continue;
      if (!Object.hasOwn(container, "essential")) container.essential = true;
      if (Array.isArray(container.environment))
        container.environment = [...container.environment].sort(byKey("name"));
      if (Array.isArray(container.secrets))
        container.secrets = [...container.secrets].sort(byKey("name"));
      if (Array.isArray(container.environmentFiles))
        container.environmentFiles = [...container.environmentFiles].sort(byKey("value"));
    }
  }
  dropEmptyKeys(td);
  for (const field of ECS_POST_REGISTRATION_FIELDS) delete td[field];
  return td;
}

/** Python `==` on JSON values: dict order does not matter, list order does, True == 1. */
export function pyEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  const num = (v: JsonValue | undefined) =>
    typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "number" ? v : undefined;
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => pyEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && pyEqual(a[k], b[k]));
  }
  return false;
}

/** _task_definitions_equal(prepared, described). */
export function taskDefinitionsEqual(a: JsonObject | null, b: JsonObject | null): boolean {
  if (a === null || b === null) return a === b;
  if (pyEqual(a, b)) return true;
  return pyEqual(normaliseTaskDefinition(a), normaliseTaskDefinition(b));
}

function short(value: JsonValue | undefined): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The differences after normalisation, one line per differing path ("cpu: "1024" → "512"",
 * "containerDefinitions[0].image: ..."), at most `limit` lines: left is the prepared task
 * definition, right the described one.
 */
export function taskDefinitionDiff(
  prepared: JsonObject,
  described: JsonObject,
  limit = 5,
): string[] {
  const out: string[] = [];
  const walk = (a: JsonValue | undefined, b: JsonValue | undefined, path: string): void => {
    if (out.length >= limit || pyEqual(a, b)) return;
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) walk(a[k], b[k], path ? `${path}.${k}` : k);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((v, i) => walk(v, b[i], `${path}[${i}]`));
      return;
    }
    out.push(`${path}: ${short(a)} → ${short(b)}`);
  };
  walk(normaliseTaskDefinition(prepared), normaliseTaskDefinition(described), "");
  return out;
}

/** Marks an environment value replaced by its digest in a comparable view. */
const DIGEST_PREFIX = "sha256:";

/**
 * The normalised task definition with every environment value replaced by "sha256:" and the
 * first 16 hex digits of its SHA-256: what a snapshot may carry (no environment value leaves the
 * server) and still enough for the worker's comparison. Two task definitions are equal for the
 * worker exactly when their comparable views are pyEqual (up to a digest collision).
 */
export function comparableTaskDefinition(taskDefinition: JsonObject): JsonObject {
  const td = normaliseTaskDefinition(taskDefinition);
  const containers = td.containerDefinitions;
  if (Array.isArray(containers)) {
    for (const container of containers) {
      if (!isObject(container) || !Array.isArray(container.environment)) continue;
      container.environment = container.environment.map((item) =>
        isObject(item) && typeof item.value === "string"
          ? { ...item, value: DIGEST_PREFIX + sha256Hex(item.value).slice(0, 16) }
          : item,
      );
    }
  }
  return td;
}
