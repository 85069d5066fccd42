/**
 * JSON Schema work for the variables section, done the way the Prefect server does it: a Draft
 * 2020-12 validator over a preprocessed copy of the schema (optional typed properties also accept
 * null, block types also accept a `{"$ref": ...}` reference, `required` ignored). Compiled
 * validators are cached by schema text so per-keystroke checks only pay for validation.
 */
import Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { isObject, joinPointer, setKey } from "@/lib/template/pointer";

export interface SchemaProblem {
  /** pointer into the validated value, e.g. "/cpu" */
  instancePath: string;
  message: string;
}

/**
 * A compiled variables schema: one validator per variable (so editing one variable's schema
 * recompiles only that variable) plus one for the root's own keywords (additionalProperties...).
 */
export type CompiledSchema =
  | { ok: true; root: ValidateFunction; properties: Map<string, ValidateFunction> }
  /** `pointer` is relative to variables: "" or "/properties/<name>" */
  | { ok: false; reason: string; pointer: string };

// inlineRefs off: big schemas reuse definitions many times, and inlining them multiplies compile time
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  logger: false,
  validateFormats: true,
  inlineRefs: false,
});
addFormats(ajv);

const MAX_CACHE = 64;
const byText = new Map<string, CompiledSchema>();
const byObject = new WeakMap<object, CompiledSchema>();

function clone<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function fixProperties(properties: JsonValue | undefined, required: JsonValue | undefined): void {
  if (!isObject(properties)) return;
  const requiredNames = Array.isArray(required) ? required : [];
  for (const [key, schema] of Object.entries(properties)) {
    if (!isObject(schema)) continue;
    // Prefect's allow_none_with_default: every optional typed property also accepts null.
    // Prefect writes anyOf [T, null]; a type list means the same and validates much faster.
    if (!requiredNames.includes(key) && "type" in schema && schema.type !== "null") {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (types.every((t) => typeof t === "string")) {
        schema.type = types.includes("null") ? types : [...types, "null"];
      } else {
        schema.anyOf = [{ type: schema.type }, { type: "null" }];
        delete schema.type;
      }
    }
    if (Array.isArray(schema.items) && !("prefixItems" in schema)) {
      schema.prefixItems = schema.items;
      delete schema.items;
    }
    if ("properties" in schema) fixProperties(schema.properties, schema.required);
  }
}

function removeRequired(value: JsonValue): JsonValue {
  // like Prefect's remove_nested_keys: recurses through objects only, not arrays
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== "required") setKey(out, key, removeRequired(child));
  }
  return out;
}

const blockReference: JsonObject = {
  type: "object",
  properties: {
    $ref: {
      oneOf: [
        { type: "string", format: "uuid" },
        { type: "object", additionalProperties: { type: "string" }, minProperties: 1 },
      ],
    },
  },
  required: ["$ref"],
};

/** Prefect's preprocess_schema followed by its ignore_required, on a copy. */
export function preprocessVariablesSchema(schema: JsonObject): JsonObject {
  const copy = clone(schema);
  // Prefect validates every schema as 2020-12 whatever `$schema` says
  delete copy.$schema;
  fixProperties(copy.properties, copy.required);
  const definitions = copy.definitions;
  if (isObject(definitions)) {
    for (const [name, definition] of Object.entries(definitions)) {
      if (!isObject(definition)) continue;
      fixProperties(definition.properties, definition.required);
      if ("block_type_slug" in definition) {
        // anyOf, not Prefect's oneOf: Prefect hydrates references before validating, we cannot
        definitions[typeof definition.title === "string" ? definition.title : name] = {
          anyOf: [definition, blockReference],
        };
      }
    }
  }
  return removeRequired(copy) as JsonObject;
}

function describeAjvErrors(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return "unknown problem";
  return `${first.instancePath || "the schema"} ${first.message ?? "is invalid"}`.trim();
}

function failure(error: unknown, pointer: string): CompiledSchema {
  return { ok: false, reason: error instanceof Error ? error.message : String(error), pointer };
}

/** Compiled single-variable validators, by definitions id and the variable's schema text. */
const propertyCache = new Map<string, ValidateFunction | { reason: string }>();
const definitionIds = new Map<string, number>();
const MAX_PROPERTIES = 20_000;

function compileProperty(
  key: string,
  schema: JsonValue,
  definitions: JsonObject,
): ValidateFunction | { reason: string } {
  let entry = propertyCache.get(key);
  if (entry) return entry;
  try {
    const standalone = isObject(schema) ? { ...schema, ...definitions } : schema;
    entry = ajv.validateSchema(standalone as JsonObject)
      ? ajv.compile(standalone as JsonObject)
      : { reason: describeAjvErrors(ajv.errors) };
  } catch (error) {
    entry = { reason: error instanceof Error ? error.message : String(error) };
  }
  if (propertyCache.size >= MAX_PROPERTIES) propertyCache.clear();
  propertyCache.set(key, entry);
  return entry;
}

function compileUncached(schema: JsonObject): CompiledSchema {
  let pre: JsonObject;
  try {
    pre = preprocessVariablesSchema(schema);
  } catch (error) {
    return failure(error, "");
  }
  // every variable is compiled with the shared definitions beside it, so local $refs resolve
  const definitions: JsonObject = {};
  if (pre.definitions !== undefined) definitions.definitions = pre.definitions;
  if (pre.$defs !== undefined) definitions.$defs = pre.$defs;
  const definitionsText = JSON.stringify(definitions);
  let id = definitionIds.get(definitionsText);
  if (id === undefined) {
    if (!ajv.validateSchema(definitions)) return failure(describeAjvErrors(ajv.errors), "");
    id = definitionIds.size;
    definitionIds.set(definitionsText, id);
  }
  const properties = new Map<string, ValidateFunction>();
  const names: JsonObject = {};
  if (isObject(pre.properties)) {
    for (const [name, child] of Object.entries(pre.properties)) {
      const entry = compileProperty(`${id}\u0000${JSON.stringify(child)}`, child, definitions);
      if (typeof entry !== "function") return failure(entry.reason, `/properties/${name}`);
      properties.set(name, entry);
      setKey(names, name, true);
    }
  }
  const { properties: _properties, ...rest } = pre;
  void _properties;
  try {
    const root = { ...rest, properties: names };
    if (!ajv.validateSchema(root)) return failure(describeAjvErrors(ajv.errors), "");
    return { ok: true, root: ajv.compile(root), properties };
  } catch (error) {
    return failure(error, "");
  }
}

const ANNOTATIONS = new Set(["default", "description", "title", "examples", "$comment"]);
const SCHEMA_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
]);
const VALUE_KEYWORDS = new Set(["enum", "const", "required", "block_type_slug", "secret_fields"]);

/**
 * The schema without annotations, which do not change validation: editing a default or a
 * description then reuses the compiled validator instead of recompiling on every keystroke.
 * A block type's title stays, because Prefect's preprocessing names the reference by it.
 */
function withoutAnnotations(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  const isBlock = "block_type_slug" in schema;
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && !(key === "title" && isBlock)) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      const map: JsonObject = {};
      for (const [name, child] of Object.entries(value))
        setKey(map, name, withoutAnnotations(child));
      setKey(out, key, map);
    } else {
      setKey(out, key, VALUE_KEYWORDS.has(key) ? value : withoutAnnotations(value));
    }
  }
  return out;
}

/** Deep equality that ignores annotations (the same notion of "same schema" as the text key). */
function sameSchema(a: JsonValue, b: JsonValue, inMap = false): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++)
      if (!sameSchema(a[i] as JsonValue, b[i] as JsonValue)) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  let count = 0;
  for (const key in a) {
    if (!keeps(inMap, a, key)) continue;
    count++;
    const other = b[key];
    if (other === undefined || !keeps(inMap, b, key)) return false;
    const value = a[key] as JsonValue;
    const childIsMap = !inMap && SCHEMA_MAPS.has(key);
    if (!inMap && VALUE_KEYWORDS.has(key)) {
      if (JSON.stringify(value) !== JSON.stringify(other)) return false;
    } else if (!sameSchema(value, other, childIsMap)) {
      return false;
    }
  }
  for (const key in b) if (keeps(inMap, b, key)) count--;
  return count === 0;
}

function keeps(inMap: boolean, o: JsonObject, key: string): boolean {
  return inMap || !ANNOTATIONS.has(key) || (key === "title" && "block_type_slug" in o);
}

/** The last schemas compiled, newest first: typing in a default usually leaves the schema as it was. */
const recent: { schema: JsonObject; compiled: CompiledSchema }[] = [];

/** Compiles a variables schema (cached by object identity, then by its annotation-free text). */
export function compileVariablesSchema(schema: JsonObject): CompiledSchema {
  const known = byObject.get(schema);
  if (known) return known;
  for (const entry of recent) {
    if (sameSchema(schema, entry.schema)) {
      byObject.set(schema, entry.compiled);
      return entry.compiled;
    }
  }
  const stripped = withoutAnnotations(schema) as JsonObject;
  const text = JSON.stringify(stripped);
  let compiled = byText.get(text);
  if (!compiled) {
    compiled = compileUncached(stripped);
    if (byText.size >= MAX_CACHE) {
      const oldest = byText.keys().next().value;
      if (oldest !== undefined) byText.delete(oldest);
    }
    byText.set(text, compiled);
  }
  byObject.set(schema, compiled);
  recent.unshift({ schema, compiled });
  if (recent.length > 4) recent.pop();
  return compiled;
}

function formatError(error: ErrorObject): string {
  if (error.keyword === "type") {
    const types = String(error.params.type as string)
      .split(",")
      .filter((t) => t !== "null");
    return `must be ${types.join(" or ") || "null"}`;
  }
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) {
    return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") {
    return `has an unexpected property ${JSON.stringify(error.params.additionalProperty)}`;
  }
  return error.message ?? "is invalid";
}

function problemsOf(validate: ValidateFunction, value: JsonValue, prefix: string): SchemaProblem[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword === "anyOf" || error.keyword === "oneOf" || error.keyword === "allOf")
      continue;
    if (error.keyword === "type" && error.params.type === "null") continue;
    if (error.keyword === "if") continue;
    const path =
      error.keyword === "additionalProperties" &&
      typeof error.params.additionalProperty === "string"
        ? joinPointer(error.instancePath, error.params.additionalProperty)
        : error.instancePath;
    const message =
      error.keyword === "additionalProperties"
        ? "is not allowed by the schema"
        : formatError(error);
    if (!byPath.has(prefix + path)) byPath.set(prefix + path, message);
  }
  if (byPath.size === 0) {
    for (const error of errors) {
      if (!byPath.has(prefix + error.instancePath))
        byPath.set(prefix + error.instancePath, formatError(error));
    }
  }
  return [...byPath.entries()].map(([instancePath, message]) => ({ instancePath, message }));
}

/**
 * Validates an object of variable values: one problem per offending location, the most specific
 * first. anyOf/oneOf wrappers give way to their branch errors, except the null branch.
 */
export function validateValues(
  compiled: Extract<CompiledSchema, { ok: true }>,
  values: JsonObject,
): SchemaProblem[] {
  const problems = problemsOf(compiled.root, values, "");
  for (const [name, value] of Object.entries(values)) {
    const validate = compiled.properties.get(name);
    // the common case (valid) costs one call and no allocation
    if (!validate || validate(value)) continue;
    problems.push(...problemsOf(validate, value, joinPointer("", name)));
  }
  return problems;
}

/** A value that the Prefect server hydrates before validation (prefect variables / blocks). */
export function isRuntimeReference(value: JsonValue): boolean {
  if (typeof value === "string") {
    return /^\s*\{\{\s*prefect\.(variables|blocks)\.[^}]*\}\}\s*$/.test(value);
  }
  return isObject(value) && Object.keys(value).length === 1 && "$ref" in value;
}
