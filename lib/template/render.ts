/**
 * Rendering a job configuration: apply_values over job_configuration, plus the env handling of
 * prefect.workers.base.BaseJobConfiguration.from_template_and_values.
 */
import { applyValues, getFromDict, NOT_SET, type ApplyOptions } from "./apply-values";
import {
  findPlaceholders,
  placeholderRoot,
  placeholdersInString,
  type Placeholder,
} from "./placeholders";
import { cloneJson, joinPointer, splitPointer } from "./pointer";
import { pyStr } from "./python-str";
import type { BaseJobTemplate } from "./schema";
import type { DocumentKind, JsonObject, JsonPointer, JsonValue, ValueOrigin } from "./types";
import { truthy } from "./truthy";
import { resolveVariables, schemaDefault } from "./variables";
import { isObject } from "./pointer";

export interface RenderOptions extends Pick<ApplyOptions, "env"> {
  /** where each variable's value came from, so placeholders inside values point at their source */
  origins?: Record<string, ValueOrigin>;
}

const RUNTIME_KINDS = new Set(["prefect-variable", "block"]);

function isRuntime(p: Placeholder, options: RenderOptions): boolean {
  return RUNTIME_KINDS.has(p.kind) || (p.kind === "env" && !options.env);
}

/**
 * Placeholders left for run time (prefect.variables.*, prefect.blocks.*, and $ENV unless an env
 * is given): those written in the template and those carried in by variable values.
 */
function collectUnresolved(
  jobConfiguration: JsonObject,
  values: JsonObject,
  basePointer: string,
  options: RenderOptions,
): Placeholder[] {
  const out: Placeholder[] = [];
  const seen = new Set<string>();
  const add = (p: Placeholder) => {
    if (!isRuntime(p, options)) return;
    const key = `${p.document}\u0000${p.pointer}\u0000${p.raw}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  // only variables whose value holds a "{{" can carry run-time placeholders in
  const carriers = new Set<string>();
  for (const name of Object.keys(values))
    if (mentionsPlaceholder(values[name] as JsonValue)) carriers.add(name);
  const carries = (root: string): boolean => carriers.has(root);
  // run-time placeholder names start with "prefect." or "$"; other strings matter only when they
  // name a carrier (its placeholder's name starts with the carrier's), so a value holding "{{"
  // does not make every string of a large job_configuration parsed
  const named = [...carriers];
  const interesting =
    named.length > 16
      ? undefined
      : (text: string) =>
          text.includes("prefect.") ||
          text.includes("$") ||
          named.some((name) => text.includes(name));
  for (const ref of blockReferences(jobConfiguration, basePointer, "template")) add(ref);
  for (const p of findPlaceholders(jobConfiguration, basePointer, "template", interesting)) {
    add(p);
    if (p.kind !== "variable" || !carries(placeholderRoot(p.name))) continue;
    const value = getFromDict(values, p.name);
    if (value === NOT_SET) continue;
    const origin = options.origins?.[placeholderRoot(p.name)];
    const rest = p.name.replace(/\[/g, ".").replace(/\]/g, "").split(".").slice(1);
    const at = origin
      ? {
          pointer: joinPointer(origin.pointer, ...rest),
          document:
            origin.source === "job_variables" ? ("job_variables" as const) : ("template" as const),
        }
      : { pointer: p.pointer, document: "template" as const };
    if (p.whole) for (const ref of blockReferences(value, at.pointer, at.document)) add(ref);
    const inserted = p.whole ? value : pyStr(value);
    for (const q of findPlaceholders(inserted, at.pointer, at.document)) {
      add(p.whole ? q : { ...q, pointer: at.pointer, whole: false });
    }
  }
  return out;
}

function mentionsPlaceholder(value: JsonValue): boolean {
  if (typeof value === "string") return value.includes("{{");
  if (Array.isArray(value)) return value.some(mentionsPlaceholder);
  if (isObject(value))
    return Object.hasOwn(value, "$ref") || Object.values(value).some(mentionsPlaceholder);
  return false;
}

/**
 * Block document references, `{"$ref": {"block_document_id": "..."}}`, which
 * resolve_block_document_references replaces with the block's data at run time (this is how
 * pools usually hold aws_credentials). Reported like `prefect.blocks.*` placeholders.
 */
export function blockReferences(
  value: JsonValue,
  basePointer: JsonPointer,
  document: DocumentKind,
): Placeholder[] {
  const out: Placeholder[] = [];
  const path: (string | number)[] = [];
  const walk = (v: JsonValue): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
    } else if (isObject(v)) {
      const ref = v.$ref;
      if (isObject(ref) && truthy(ref.block_document_id)) {
        const id = ref.block_document_id as JsonValue;
        out.push({
          name: `block_document_id ${pyStr(id)}`,
          raw: JSON.stringify({ $ref: ref }),
          kind: "block",
          pointer: joinPointer(basePointer, ...path),
          whole: true,
          document,
        });
        return;
      }
      for (const key in v) {
        path.push(key);
        walk(v[key] as JsonValue);
        path.pop();
      }
    }
  };
  walk(value);
  return out;
}

/**
 * Prefect's templating (same results as prefect.utilities.templating.apply_values) over
 * job_configuration. For what a worker renders from a template and job_variables, including the
 * env merges, use buildJobConfiguration.
 */
export function renderJobConfiguration(
  template: BaseJobTemplate,
  values: JsonObject,
  options: RenderOptions = {},
): { configuration: JsonObject; unresolved: Placeholder[] } {
  return renderConfiguration(template.job_configuration, values, options);
}

function renderConfiguration(
  jobConfiguration: JsonObject,
  values: JsonObject,
  options: RenderOptions,
): { configuration: JsonObject; unresolved: Placeholder[] } {
  const applied = applyValues(jobConfiguration, values, options.env ? { env: options.env } : {});
  const configuration = isObject(applied) ? applied : {};
  return {
    configuration,
    unresolved: collectUnresolved(jobConfiguration, values, "/job_configuration", options),
  };
}

/**
 * BaseJobConfiguration.from_template_and_values up to (not including) block and variable
 * resolution and pydantic validation: defaults + job_variables, the `env` merges, then
 * apply_values over job_configuration.
 */
export function buildJobConfiguration(
  template: BaseJobTemplate,
  jobVariables: JsonObject = {},
  options: Pick<RenderOptions, "env"> = {},
): {
  values: JsonObject;
  origins: Record<string, ValueOrigin>;
  configuration: JsonObject;
  unresolved: Placeholder[];
} {
  // only `env` is replaced below, so a shallow copy keeps the template untouched
  const base: JsonObject = { ...template.job_configuration };
  const defaultEnv = schemaDefault(template, "env");
  // "merge variable defaults for `env` into base config before they're replaced by deployment overrides"
  if (truthy(defaultEnv)) {
    const current = base.env;
    if (isObject(current) && isObject(defaultEnv)) base.env = { ...current, ...defaultEnv };
    else base.env = cloneJson(defaultEnv as JsonValue);
  }
  const { values, origins } = resolveVariables(template, jobVariables);
  const env = values.env;
  const baseEnv = base.env;
  if (isObject(baseEnv) && truthy(env) && isObject(env)) base.env = { ...baseEnv, ...env };
  const rendered = renderConfiguration(base, values, { ...options, origins });
  // env entries merged in from the defaults or job_variables are not in the template's
  // job_configuration: point their placeholders at where the entry was written
  const templateEnv = template.job_configuration.env;
  const unresolved = rendered.unresolved.map((p) => {
    const match = /^\/job_configuration\/env\/([^/]+)(.*)$/.exec(p.pointer);
    if (!match || p.document !== "template") return p;
    const key = splitPointer(p.pointer)[2] ?? "";
    if (
      isObject(templateEnv) &&
      Object.hasOwn(templateEnv, key) &&
      !(isObject(env) && Object.hasOwn(env, key))
    ) {
      if (!(isObject(defaultEnv) && Object.hasOwn(defaultEnv, key))) return p;
    }
    const envOrigin = origins.env;
    if (isObject(env) && Object.hasOwn(env, key) && envOrigin?.source === "job_variables") {
      const dotted = `env.${key}`;
      const plain = isObject(jobVariables.env) && Object.hasOwn(jobVariables.env, key);
      const pointer =
        !plain && Object.hasOwn(jobVariables, dotted)
          ? joinPointer("", dotted)
          : joinPointer("/env", key);
      return { ...p, document: "job_variables" as const, pointer: pointer + match[2] };
    }
    if (isObject(defaultEnv) && Object.hasOwn(defaultEnv, key)) {
      return { ...p, pointer: joinPointer("/variables/properties/env/default", key) + match[2] };
    }
    return p;
  });
  const seen = new Set<string>();
  const distinct = unresolved.filter((p) => {
    const key = `${p.document}\u0000${p.pointer}\u0000${p.raw}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { values, origins, configuration: rendered.configuration, unresolved: distinct };
}

export { placeholdersInString };
