/**
 * Where the form reads and writes. Most controls edit a variable's `default`; launchType,
 * capacityProviderStrategy and cluster follow the template: when task_run_request holds the
 * variable's placeholder the control edits that variable, when it holds a literal the control
 * edits the literal.
 */
import { effectiveSchema, type VariablesSchema } from "@/lib/template/schema";
import type { JsonObject, JsonPointer, JsonValue } from "@/lib/template/types";
import { joinPointer } from "@/lib/template/pointer";

export { isObject } from "@/lib/template/pointer";
import { isObject } from "@/lib/template/pointer";

/** variables as a schema object ({} when unusable). */
export function variablesOf(doc: JsonValue): VariablesSchema {
  return isObject(doc) && isObject(doc.variables) ? (doc.variables as VariablesSchema) : {};
}

/** variables.properties ({} when unusable). */
export function propertiesOf(doc: JsonValue): Record<string, JsonObject> {
  const props = variablesOf(doc).properties;
  return isObject(props) ? (props as Record<string, JsonObject>) : {};
}

/** Pointer to a variable's default. */
export function defaultPointer(name: string): JsonPointer {
  return joinPointer("", "variables", "properties", name, "default");
}

/** A variable's default, undefined when it has none (or the variable is not declared). */
export function defaultOf(doc: JsonValue, name: string): JsonValue | undefined {
  const prop = propertiesOf(doc)[name];
  return prop && Object.hasOwn(prop, "default") ? prop.default : undefined;
}

/** A variable's schema with $ref/allOf/anyOf-null unwrapped. */
export function variableSchema(
  doc: JsonValue,
  name: string,
): { schema: JsonObject; nullable: boolean } | undefined {
  const prop = propertiesOf(doc)[name];
  return prop ? effectiveSchema(variablesOf(doc), prop) : undefined;
}

export const REQUEST: JsonPointer = "/job_configuration/task_run_request";

function requestOf(doc: JsonValue): JsonObject | undefined {
  if (!isObject(doc) || !isObject(doc.job_configuration)) return undefined;
  const request = doc.job_configuration.task_run_request;
  return isObject(request) ? request : undefined;
}

const wholePlaceholder = /^\{\{\s*([A-Za-z_][\w]*)\s*\}\}$/;

export type Binding =
  /** the request key holds "{{ variable }}": edit the variable's default */
  | {
      kind: "variable";
      variable: string;
      pointer: JsonPointer;
      value: JsonValue | undefined;
      declared: boolean;
    }
  /** the request key holds a literal value: edit it in place */
  | { kind: "literal"; pointer: JsonPointer; value: JsonValue }
  /** the request has no such key */
  | { kind: "absent"; requestPointer: JsonPointer; variable: string; declared: boolean };

/** How a task_run_request key is set in this template, and so what its form control edits. */
export function requestBinding(doc: JsonValue, key: string, fallbackVariable: string): Binding {
  const request = requestOf(doc);
  const pointer = `${REQUEST}/${key}`;
  const declared = (name: string) => Object.hasOwn(propertiesOf(doc), name);
  if (!request || !Object.hasOwn(request, key)) {
    return {
      kind: "absent",
      requestPointer: pointer,
      variable: fallbackVariable,
      declared: declared(fallbackVariable),
    };
  }
  const raw = request[key] as JsonValue;
  const match = typeof raw === "string" ? wholePlaceholder.exec(raw) : null;
  if (match?.[1]) {
    const variable = match[1];
    return {
      kind: "variable",
      variable,
      pointer: defaultPointer(variable),
      value: defaultOf(doc, variable),
      declared: declared(variable),
    };
  }
  return { kind: "literal", pointer, value: raw };
}

/** The value a binding currently shows. */
export function bindingValue(binding: Binding): JsonValue | undefined {
  return binding.kind === "absent" ? undefined : binding.value;
}

/** Is this value a Prefect block reference ({"$ref": {"block_document_id": …}})? */
export function isBlockReference(value: JsonValue | undefined): boolean {
  return isObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, "$ref");
}
