/**
 * Variable resolution as prefect.workers.base.BaseJobConfiguration.from_template_and_values does
 * it: schema defaults (null defaults dropped, _get_base_config_defaults), then job_variables
 * (dot-delimited keys such as "env.FOO" expanded first, plain keys deep-merged over them), with
 * top-level keys replacing defaults.
 */
import { cloneJson, joinPointer, ownValue, setKey } from "./pointer";
import type { BaseJobTemplate } from "./schema";
import { variableProperties } from "./schema";
import type { JsonObject, JsonValue, ValueOrigin } from "./types";
import { isObject } from "./pointer";

/** prefect.utilities.collections.deep_merge: `merge` wins; nested dicts merge recursively. */
export function deepMerge(base: JsonObject, merge: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(merge)) {
    const current = out[key];
    setKey(out, key, isObject(current) && isObject(value) ? deepMerge(current, value) : value);
  }
  return out;
}

/** set_in_dict; returns false where Prefect raises (the path runs through a non-dict). */
function setInDict(target: JsonObject, dottedKey: string, value: JsonValue): boolean {
  const keys = dottedKey.replace(/\[/g, ".").replace(/\]/g, "").split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : {};
    if (!isObject(next)) return false;
    if (!Object.hasOwn(node, key)) setKey(node, key, next);
    node = next;
  }
  setKey(node, keys[keys.length - 1] ?? "", value);
  return true;
}

/** A variable schema's default as _get_base_config_defaults keeps it: undefined when null or absent. */
function keptDefault(schema: JsonValue | undefined): JsonValue | undefined {
  return isObject(schema) && Object.hasOwn(schema, "default") && schema.default !== null
    ? (schema.default as JsonValue)
    : undefined;
}

/** _get_base_config_defaults: every property default that is not null. */
export function schemaDefaults(template: BaseJobTemplate): JsonObject {
  const defaults: JsonObject = {};
  const properties = variableProperties(template);
  for (const name of Object.keys(properties)) {
    const value = keptDefault(properties[name]);
    if (value !== undefined) setKey(defaults, name, value);
  }
  return defaults;
}

/** One variable's entry of schemaDefaults, without collecting every default. */
export function schemaDefault(template: BaseJobTemplate, name: string): JsonValue | undefined {
  return keptDefault(ownValue(variableProperties(template), name));
}

/** The job_variables as Prefect applies them: "a.b" keys expanded, plain keys merged over them. */
export function transformJobVariables(jobVariables: JsonObject): {
  values: JsonObject;
  sourceKey: Record<string, string>;
  rejected: string[];
} {
  const values: JsonObject = {};
  const sourceKey: Record<string, string> = {};
  const rejected: string[] = [];
  for (const [key, value] of Object.entries(jobVariables)) {
    if (!key.includes(".")) continue;
    if (setInDict(values, key, cloneJson(value))) {
      const root = key.replace(/\[/g, ".").split(".")[0] ?? "";
      sourceKey[root] ??= key;
    } else rejected.push(key);
  }
  for (const [key, value] of Object.entries(jobVariables)) {
    if (key.includes(".")) continue;
    const current = values[key];
    setKey(
      values,
      key,
      isObject(current) && isObject(value) ? deepMerge(current, value) : cloneJson(value),
    );
    sourceKey[key] = key;
  }
  return { values, sourceKey, rejected };
}

/**
 * Schema defaults (null defaults dropped), then job_variables (top-level keys replace). These are
 * the values Prefect renders with: `env` here is the deployment's env when it sets one (it
 * replaces the default). The key-by-key env merge happens in job_configuration.env, see
 * buildJobConfiguration.
 */
export function resolveVariables(
  template: BaseJobTemplate,
  jobVariables: JsonObject = {},
): { values: JsonObject; origins: Record<string, ValueOrigin> } {
  const values = schemaDefaults(template);
  const origins: Record<string, ValueOrigin> = {};
  for (const name of Object.keys(values)) {
    setKey<ValueOrigin>(origins, name, {
      source: "default",
      pointer: joinPointer("/variables/properties", name, "default"),
    });
  }
  const transformed = transformJobVariables(jobVariables);
  for (const [name, value] of Object.entries(transformed.values)) {
    setKey(values, name, value);
    setKey<ValueOrigin>(origins, name, {
      source: "job_variables",
      pointer: joinPointer("", transformed.sourceKey[name] ?? name),
    });
  }
  return { values, origins };
}
