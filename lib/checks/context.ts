/**
 * The check context: the edited document taken apart once, the worker's plan computed once, and
 * the helpers every rule uses to point at the value a person must change.
 */
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { findPlaceholders, type EcsRunPlan, type Placeholder } from "@/lib/template";
import type { DocumentKind, JsonObject, JsonPointer, JsonValue, Mode } from "@/lib/template/types";
import { getAtPointer, isObject, joinPointer, ownValue } from "@/lib/template/pointer";
import type { CheckInput, Fix } from "./types";

/** Where a value a person can edit lives. */
export interface Location {
  document: DocumentKind;
  pointer: JsonPointer;
  /** set when the value comes from this variable (its default or the job_variables key) */
  variable?: string;
  /** true when `pointer` addresses the value itself, not its nearest editable ancestor */
  exact: boolean;
  /** the configuration value is the variable's whole value (`"{{ name }}"`) */
  wholeVariable?: boolean;
}

export interface CheckContext {
  mode: Mode;
  input: CheckInput;
  /** the bare base job template (the `base_job_template` of a whole pool) */
  template: JsonObject;
  /** "" for a bare template, "/base_job_template" for a whole work pool */
  prefix: "" | "/base_job_template";
  /** variables.properties, or {} when unusable */
  properties: JsonObject;
  /** the deployment's job_variables, when given as an object */
  jobVariables?: JsonObject;
  snapshot?: ClusterSnapshot;
  /** the worker's preparation; undefined when the template does not render */
  plan?: EcsRunPlan;
  /** why there is no plan */
  planError?: string;
  /** prefixes a pointer into the bare template so it addresses the edited document */
  t(pointer: JsonPointer): JsonPointer;
  placeholders(): Placeholder[];
  /** where the value of a variable is set (job_variables key, default, or declaration) */
  variableLocation(name: string): Location;
  /** the value at a location in its document (undefined when absent) */
  valueAt(location: Location): JsonValue | undefined;
  /** where the rendered job configuration value at `path` comes from */
  configLocation(path: (string | number)[]): Location;
  /** a fix that gives a variable a new value in the document that sets it */
  setVariableFix(name: string, value: JsonValue, title: string): Fix | undefined;
  /** a fix that changes the value behind a job configuration path (variable or literal) */
  setConfigFix(path: (string | number)[], value: JsonValue, title: string): Fix | undefined;
  /** a fix that deletes a literal job_configuration key, if the template has it */
  removeConfigFix(path: (string | number)[], title: string): Fix | undefined;
}

/** Splits `a.b[0]` into ["a", "b", "0"], the way Prefect's get_from_dict walks it. */
function placeholderPath(name: string): string[] {
  return name
    .replace(/\[/g, ".")
    .replace(/\]/g, "")
    .split(".")
    .filter((t) => t !== "");
}

function wholePlaceholderPath(value: JsonValue | undefined): string[] | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\{\{\s*([\w.\-[\]$]+)\s*\}\}$/u.exec(value);
  if (!match?.[1] || match[1].startsWith("prefect.") || match[1].startsWith("$")) return undefined;
  return placeholderPath(match[1]);
}

interface ContextParts {
  input: CheckInput;
  template: JsonObject;
  prefix: "" | "/base_job_template";
  plan?: EcsRunPlan;
  planError?: string;
}

/** Builds the context rules share. */
export function createContext(parts: ContextParts): CheckContext {
  const { input, template, prefix } = parts;
  const variables = template.variables;
  const properties =
    isObject(variables) && isObject(variables.properties) ? variables.properties : {};
  const jobVariables = isObject(input.jobVariables) ? input.jobVariables : undefined;
  const editingJobVariables = input.jobVariables !== undefined;
  const t = (pointer: JsonPointer): JsonPointer => prefix + pointer;
  let placeholderCache: Placeholder[] | undefined;

  const variableLocation = (name: string): Location => {
    if (jobVariables && Object.prototype.hasOwnProperty.call(jobVariables, name)) {
      return {
        document: "job_variables",
        pointer: joinPointer("", name),
        variable: name,
        exact: true,
      };
    }
    const declaration = ownValue(properties, name);
    if (isObject(declaration)) {
      const base = joinPointer(t("/variables/properties"), name);
      return "default" in declaration
        ? { document: "template", pointer: base + "/default", variable: name, exact: true }
        : { document: "template", pointer: base, variable: name, exact: false };
    }
    return {
      document: "template",
      pointer: t("/variables/properties"),
      variable: name,
      exact: false,
    };
  };

  const valueAt = (location: Location): JsonValue | undefined =>
    getAtPointer(
      location.document === "job_variables" ? input.jobVariables : input.template,
      location.pointer,
    );

  const intoVariable = (segments: string[], rest: (string | number)[]): Location => {
    const [root, ...inner] = segments;
    const location = variableLocation(root ?? "");
    const tail = [...inner, ...rest];
    if (tail.length === 0) return { ...location, wholeVariable: true };
    if (!location.exact) return location;
    const deeper = joinPointer(location.pointer, ...tail);
    const found = getAtPointer(valueAt(location), joinPointer("", ...tail)) !== undefined;
    return found ? { ...location, pointer: deeper } : { ...location, exact: false };
  };

  const configLocation = (path: (string | number)[]): Location => {
    let node: JsonValue | undefined = template.job_configuration;
    let pointer = t("/job_configuration");
    for (let i = 0; i < path.length; i++) {
      const segments = wholePlaceholderPath(node);
      if (segments) return intoVariable(segments, path.slice(i));
      const token = path[i] as string | number;
      const next: JsonValue | undefined = getAtPointer(node, joinPointer("", token));
      if (next === undefined) return { document: "template", pointer, exact: false };
      node = next;
      pointer = joinPointer(pointer, token);
    }
    const segments = wholePlaceholderPath(node);
    if (segments) return intoVariable(segments, []);
    return { document: "template", pointer, exact: true };
  };

  const setVariableFix = (name: string, value: JsonValue, title: string): Fix | undefined => {
    if (editingJobVariables) {
      const present = jobVariables !== undefined && name in jobVariables;
      if (!jobVariables) return undefined;
      return {
        title,
        document: "job_variables",
        edits: [{ op: present ? "replace" : "add", path: joinPointer("", name), value }],
      };
    }
    const declaration = ownValue(properties, name);
    if (!isObject(declaration)) return undefined;
    const path = joinPointer(t("/variables/properties"), name, "default");
    return {
      title,
      document: "template",
      edits: [{ op: "default" in declaration ? "replace" : "add", path, value }],
    };
  };

  return {
    mode: input.mode,
    input,
    template,
    prefix,
    properties,
    jobVariables,
    snapshot: input.snapshot,
    plan: parts.plan,
    planError: parts.planError,
    t,
    placeholders: () =>
      (placeholderCache ??= findPlaceholders(
        template.job_configuration ?? null,
        t("/job_configuration"),
      )),
    variableLocation,
    valueAt: (location) => (location.exact ? valueAt(location) : undefined),
    configLocation,
    setVariableFix,
    setConfigFix(path, value, title) {
      const location = configLocation(path);
      if (location.variable && location.wholeVariable)
        return setVariableFix(location.variable, value, title);
      if (!location.exact) return undefined;
      return {
        title,
        document: location.document,
        edits: [{ op: "replace", path: location.pointer, value }],
      };
    },
    removeConfigFix(path, title) {
      const pointer = joinPointer(t("/job_configuration"), ...path);
      if (getAtPointer(input.template, pointer) === undefined) return undefined;
      return { title, document: "template", edits: [{ op: "remove", path: pointer }] };
    },
  };
}
