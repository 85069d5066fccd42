/**
 * Prefect's templating, re-implemented: prefect.utilities.templating.apply_values and
 * prefect.utilities.collections.get_from_dict, with the same results for JSON input.
 */
import { placeholdersInString, replacePlaceholders } from "./placeholders";
import { cloneJson, setKey } from "./pointer";
import { pyStr } from "./python-str";
import type { JsonObject, JsonValue } from "./types";

/** Prefect's `NotSet`: a lone placeholder without a value. Its key or list item is removed. */
export const NOT_SET: unique symbol = Symbol("NotSet");
export type NotSet = typeof NOT_SET;

export interface ApplyOptions {
  /** Prefect's `remove_notset` (default true): drop keys/items whose lone placeholder has no value. */
  removeNotset?: boolean;
  /**
   * The worker's environment for `{{ $NAME }}` placeholders. Without it they stay in place
   * (reported as unresolved), because the worker's environment is unknown to Pooldeck.
   * With it, they resolve like Prefect does (missing → "").
   */
  env?: Readonly<Record<string, string | undefined>>;
}

// Python int() of a key token: optional sign, ASCII digits with single underscores between.
// (Python also accepts other Unicode decimal digits; a placeholder indexing a list with
// non-ASCII digits is not supported here.)
const PY_INT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;

function pyInt(token: string): number | undefined {
  return PY_INT.test(token) ? Number(token.replace(/_/g, "")) : undefined;
}

/** get_from_dict(values, "a.b[0]", NotSet): walk dicts by key and lists/strings by (negative) index. */
export function getFromDict(values: JsonValue, name: string): JsonValue | NotSet {
  if (!name.includes(".") && !name.includes("[")) {
    // the common case, a plain variable name
    if (values === null || typeof values !== "object" || Array.isArray(values))
      return lookupPath(values, [name]);
    return Object.hasOwn(values, name) ? (values[name] as JsonValue) : NOT_SET;
  }
  return lookupPath(values, name.replace(/\[/g, ".").replace(/\]/g, "").split("."));
}

function lookupPath(values: JsonValue, keys: string[]): JsonValue | NotSet {
  let value: JsonValue = values;
  for (const key of keys) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      // JSON keys are strings, so get_from_dict's fallback to an int key never matches.
      if (!Object.hasOwn(value, key)) return NOT_SET;
      value = value[key] as JsonValue;
    } else if (Array.isArray(value) || typeof value === "string") {
      const index = pyInt(key);
      if (index === undefined) return NOT_SET; // TypeError in Python
      // Python indexes strings by code point
      const items: JsonValue[] = typeof value === "string" ? Array.from(value) : value;
      const at = index < 0 ? items.length + index : index;
      if (at < 0 || at >= items.length) return NOT_SET; // IndexError
      value = items[at] as JsonValue;
    } else {
      return NOT_SET; // int/float/bool/None are not subscriptable
    }
  }
  return value;
}

function applyToString(
  template: string,
  values: JsonObject,
  options: ApplyOptions,
): JsonValue | NotSet {
  const placeholders = placeholdersInString(template);
  if (placeholders.length === 0) return template;
  const removeNotset = options.removeNotset ?? true;
  const [first] = placeholders;
  if (placeholders.length === 1 && first && first.raw === template && first.kind === "variable") {
    const value = getFromDict(values, first.name);
    // Prefect inserts the value object itself; a copy keeps our output free of shared objects
    return value !== null && typeof value === "object" ? cloneJson(value) : value;
  }
  const replacements = new Map<string, string>();
  for (const p of placeholders) {
    let value: JsonValue | NotSet;
    if (p.kind === "variable") value = getFromDict(values, p.name);
    else if (p.kind === "env") {
      if (!options.env) continue;
      // Python's str.lstrip("$") strips every leading "$"
      const envValue = options.env[p.name.replace(/^\$+/, "")];
      value = envValue === undefined ? NOT_SET : envValue;
    } else continue; // prefect.variables.* and prefect.blocks.* resolve later, at run time
    if (value === NOT_SET) {
      if (removeNotset) replacements.set(p.raw, "");
    } else replacements.set(p.raw, pyStr(value));
  }
  return replacePlaceholders(template, (raw) => replacements.get(raw) ?? raw);
}

/** prefect.utilities.templating.apply_values for JSON templates and values. */
export function applyValues(
  template: JsonValue,
  values: JsonObject,
  options: ApplyOptions = {},
): JsonValue | NotSet {
  const removeNotset = options.removeNotset ?? true;
  if (typeof template === "string") return applyToString(template, values, options);
  if (Array.isArray(template)) {
    const out: JsonValue[] = [];
    for (const item of template) {
      const applied = applyValues(item, values, options);
      if (applied !== NOT_SET) out.push(applied);
      else if (!removeNotset) out.push(item);
    }
    return out;
  }
  if (template !== null && typeof template === "object") {
    const out: JsonObject = {};
    // Object.keys, not Object.entries: no pair per key (objects can have thousands of keys)
    for (const key of Object.keys(template)) {
      const item = template[key] as JsonValue;
      const applied = applyValues(item, values, options);
      if (applied !== NOT_SET) setKey(out, key, applied);
      else if (!removeNotset) setKey(out, key, item);
    }
    return out;
  }
  return template;
}
