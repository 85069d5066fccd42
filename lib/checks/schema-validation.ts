/**
 * JSON Schema work for the variables section, done the way the Prefect server does it: a Draft
 * 2020-12 validator over a preprocessed copy of the schema (optional typed properties also accept
 * null, block types also accept a `{"$ref": ...}` reference, `required` ignored). The validator is
 * @cfworker/json-schema, which interprets schemas instead of generating code, so the live checks
 * run in the browser under a Content-Security-Policy without 'unsafe-eval' (Ajv compiles schemas
 * with `new Function`). Its verdicts match Ajv's: schema-validation.parity.test.ts compares them
 * with testing/ajv-variables.ts. Prepared validators are cached by schema text, and a variable
 * whose schema is as at the last compile reuses its validator, so per-keystroke checks and pasted
 * templates with a few changed variables only pay for what changed and for validation.
 */
import {
  dereference,
  format,
  schemaArrayKeyword,
  schemaKeyword,
  schemaMapKeyword,
  validate,
  type OutputUnit,
  type Schema,
} from "@cfworker/json-schema";
import metaSchema from "ajv/dist/refs/json-schema-2020-12/schema.json";
import metaApplicator from "ajv/dist/refs/json-schema-2020-12/meta/applicator.json";
import metaContent from "ajv/dist/refs/json-schema-2020-12/meta/content.json";
import metaCore from "ajv/dist/refs/json-schema-2020-12/meta/core.json";
import metaFormat from "ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json";
import metaData from "ajv/dist/refs/json-schema-2020-12/meta/meta-data.json";
import metaUnevaluated from "ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json";
import metaValidation from "ajv/dist/refs/json-schema-2020-12/meta/validation.json";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { isObject, joinPointer, setKey } from "@/lib/template/pointer";
import { errorMessage } from "@/lib/template/error-message";

export interface SchemaProblem {
  /** pointer into the validated value, e.g. "/cpu" */
  instancePath: string;
  message: string;
}

/** A prepared schema: validates a value and returns its problems (null when valid). */
export type SchemaValidator = (value: JsonValue) => SchemaProblem[] | null;

/**
 * A compiled variables schema: one validator per variable (so editing one variable's schema
 * re-prepares only that variable) plus one for the root's own keywords (additionalProperties...).
 */
export type CompiledSchema =
  | { ok: true; root: SchemaValidator; properties: Map<string, SchemaValidator> }
  /** `pointer` is relative to variables: "" or "/properties/<name>" */
  | { ok: false; reason: string; pointer: string };

const META_ID = "https://json-schema.org/draft/2020-12/schema";

/**
 * The Draft 2020-12 meta-schema (the JSON files Ajv ships), with `$dynamicRef: "#meta"` read as a
 * plain `$ref` to the top meta-schema (@cfworker/json-schema has no $dynamicRef, and without
 * extension vocabularies the two resolve to the same schema) and without its `format`s.
 */
function withoutDynamicRefs(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutDynamicRefs);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    // (the strings only: core's `properties` also has keys named $dynamicRef and $dynamicAnchor)
    if (key === "$dynamicRef" && child === "#meta") setKey(out, "$ref", META_ID);
    // Ajv checks no formats against the meta-schema ($ref's uri-reference, pattern's regex)
    else if (key === "format" && typeof child === "string") continue;
    else if (!(key === "$dynamicAnchor" && child === "meta"))
      setKey(out, key, withoutDynamicRefs(child));
  }
  return out;
}

const META = withoutDynamicRefs(metaSchema as unknown as JsonObject) as Schema;
type Lookup = ReturnType<typeof dereference>;
const META_LOOKUP: Lookup = Object.create(null) as Lookup;
for (const vocabulary of [
  metaCore,
  metaApplicator,
  metaUnevaluated,
  metaValidation,
  metaData,
  metaFormat,
  metaContent,
]) {
  dereference(withoutDynamicRefs(vocabulary as unknown as JsonObject) as Schema, META_LOOKUP);
}
dereference(META, META_LOOKUP);

/**
 * Why a schema is not a Draft 2020-12 schema, or null: the first meta-schema error that is not a
 * wrapper, in the checks' words, e.g. `/type must be one of "array", "boolean", ...`.
 */
function metaProblem(schema: JsonValue): string | null {
  if (typeof schema === "boolean") return null;
  const result = validate(schema, META, "2020-12", META_LOOKUP, true);
  if (result.valid) return null;
  let previous: OutputUnit | undefined;
  for (const unit of result.errors) {
    const message = formatError(unit, previous, keywordAt(META, META_LOOKUP, unit.keywordLocation));
    previous = unit;
    if (message !== null)
      return `${decodeLocation(unit.instanceLocation) || "the schema"} ${message}`;
  }
  return "the schema is invalid";
}

/** "#/a/b%20c" (cfworker's URI-encoded location) to the JSON pointer "/a/b c". */
function decodeLocation(location: string): string {
  return location
    .slice(1)
    .split("/")
    .map((token) => decodeURIComponent(token))
    .join("/");
}

/** Ajv compiles each pattern with the u flag and refuses the schema when it does not compile. */
function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, "u");
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/**
 * What Ajv refuses when it compiles a schema that passes the meta-schema: a reachable $ref that
 * points nowhere (cfworker would only throw while validating a value that reaches it), a pattern
 * that is not a regular expression, and an empty enum. Definitions that nothing references are not followed, as with Ajv.
 */
function compileProblem(schema: Schema, lookup: Lookup): string | null {
  const seen = new Set<Schema>();
  const walk = (node: unknown): string | null => {
    if (!isObject(node as JsonValue)) return null;
    const s = node as Schema;
    if (seen.has(s)) return null;
    seen.add(s);
    // Ajv refuses an empty enum when it compiles (the meta-schema allows it)
    if (Array.isArray(s.enum) && s.enum.length === 0) return "enum must have non-empty array";
    if (s.$ref === "" && s.__absolute_ref__ === undefined) {
      // `"$ref": ""` is the document itself; dereference skips an empty $ref, so point it there
      Object.defineProperty(s, "__absolute_ref__", { value: schema.__absolute_uri__ });
    }
    if (typeof s.pattern === "string") {
      const problem = regexProblem(s.pattern);
      if (problem) return problem;
    }
    if (isObject(s.patternProperties as JsonValue)) {
      for (const pattern of Object.keys(s.patternProperties as JsonObject)) {
        const problem = regexProblem(pattern);
        if (problem) return problem;
      }
    }
    if (typeof s.$ref === "string") {
      // the URL parser would read " " or "a b" as a path; Ajv resolves no such reference
      if (!format["uri-reference"]?.(s.$ref)) return `can't resolve reference ${s.$ref} from id #`;
      const target = lookup[s.__absolute_ref__ ?? s.$ref];
      if (target === undefined) return `can't resolve reference ${s.$ref} from id #`;
      const found = walk(target);
      if (found) return found;
    }
    for (const [key, child] of Object.entries(s)) {
      let found: string | null = null;
      if (key === "$defs" || key === "definitions") continue;
      if (schemaMapKeyword[key] && isObject(child as JsonValue)) {
        for (const sub of Object.values(child as JsonObject)) if ((found = walk(sub))) return found;
      } else if (schemaArrayKeyword[key] && Array.isArray(child)) {
        for (const sub of child) if ((found = walk(sub))) return found;
      } else if (schemaKeyword[key]) {
        found = walk(child);
      }
      if (found) return found;
    }
    return null;
  };
  return walk(schema);
}

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

function failure(error: unknown, pointer: string): CompiledSchema {
  return { ok: false, reason: errorMessage(error), pointer };
}

/** A prepared validator, or why the schema could not be prepared. */
type Prepared = SchemaValidator | { reason: string };

/** Compiled single-variable validators, by definitions id and the variable's schema text. */
const propertyCache = new Map<string, Prepared>();
const definitionIds = new Map<string, number>();
const MAX_PROPERTIES = 20_000;

function compileProperty(key: string, schema: JsonValue, definitions: JsonObject): Prepared {
  return cachedPrepare(key, isObject(schema) ? { ...schema, ...definitions } : schema, schema);
}

/** prepare(schema, own), cached by `key` (the definitions' id and the schema's text). */
function cachedPrepare(key: string, schema: JsonValue, own: JsonValue): Prepared {
  let entry = propertyCache.get(key);
  if (entry) return entry;
  try {
    entry = prepare(schema, own);
  } catch (error) {
    entry = { reason: errorMessage(error) };
  }
  if (propertyCache.size >= MAX_PROPERTIES) propertyCache.clear();
  propertyCache.set(key, entry);
  return entry;
}

/** A schema's shared definitions (`definitions`, `$defs`): once preprocessed, prepared beside each variable so local $refs resolve. */
export function sharedDefinitions(schema: JsonObject): JsonObject {
  const definitions: JsonObject = {};
  if (schema.definitions !== undefined) definitions.definitions = schema.definitions;
  if (schema.$defs !== undefined) definitions.$defs = schema.$defs;
  return definitions;
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
export function withoutAnnotations(schema: JsonValue): JsonValue {
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

/**
 * The same schema for the validator caches: the same keywords at the top, annotations aside
 * (editing a variable's default or description keeps its validator), and every keyword's value
 * the same JSON text. Nested values are compared as text, by the engine's native JSON.stringify
 * (an annotation edited inside one only prepares that variable again): a recursive comparison
 * runs unoptimised on the first pasted template, over thousands of variables.
 */
function sameSchema(a: JsonObject, b: JsonObject): boolean {
  let count = 0;
  for (const key in a) {
    if (isAnnotation(a, key)) continue;
    count++;
    const value = a[key];
    const other = b[key];
    if (value === other) continue;
    if (other === undefined || isAnnotation(b, key)) return false;
    if (typeof value !== "object" || JSON.stringify(value) !== JSON.stringify(other)) return false;
  }
  for (const key in b) if (!isAnnotation(b, key)) count--;
  return count === 0;
}

function isAnnotation(schema: JsonObject, key: string): boolean {
  return ANNOTATIONS.has(key) && !(key === "title" && "block_type_slug" in schema);
}

/**
 * What was last prepared for a variable name: reused while the variable's schema (annotations
 * aside), its being required and the shared definitions stay the same.
 */
interface VariableMemo {
  schema: JsonValue;
  required: boolean;
  definitionsId: number;
  entry: Prepared;
}
const lastVariables = new Map<string, VariableMemo>();

/** The preprocessed shared definitions and their id, or why they are not a schema. */
type DefinitionsResult =
  { ok: true; id: number; definitions: JsonObject } | { ok: false; reason: string };
/** The last shared definitions seen (`definitions` and `$defs` as written, as text), newest first. */
const recentDefinitions: { text: string; result: DefinitionsResult }[] = [];

function preparedDefinitions(stripped: JsonObject): DefinitionsResult {
  const definitions = sharedDefinitions(preprocessVariablesSchema(stripped));
  const text = JSON.stringify(definitions);
  let id = definitionIds.get(text);
  if (id === undefined) {
    const problem = metaProblem(definitions);
    if (problem) return { ok: false, reason: problem };
    id = definitionIds.size;
    definitionIds.set(text, id);
  }
  return { ok: true, id, definitions };
}

/**
 * Compiles a variables schema in parts, as Prefect's preprocessing would have changed the whole:
 * the shared definitions, each variable (with the definitions beside it), and the root's own
 * keywords with the variables' names. A variable whose schema is the same as at the last compile
 * (annotations aside) reuses its validator without preprocessing or serialising it, so a pasted
 * template with one changed variable prepares that one; the others' validators are cached by
 * their preprocessed text and the definitions' id.
 */
function compileParts(schema: JsonObject): CompiledSchema {
  const rawDefinitions = sharedDefinitions(schema);
  // serialised once, not once per remembered entry (usually tiny; compared whole, as written)
  const definitionsText = JSON.stringify(rawDefinitions);
  const knownDefinitions = recentDefinitions.find((d) => d.text === definitionsText);
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : [],
  );
  const declared = isObject(schema.properties) ? schema.properties : {};
  // Object.keys, not Object.entries: a 1 MB template has thousands of variables
  const variables = Object.keys(declared).map(
    (name) => [name, declared[name] as JsonValue] as const,
  );
  const { properties: _p, definitions: _d, $defs: _s, ...rootPart } = schema;
  // annotations are left out first (a variable's are left out below, only when it changed)
  const strippedDefinitions = knownDefinitions
    ? undefined
    : (withoutAnnotations(rawDefinitions) as JsonObject);
  const strippedRoot = withoutAnnotations(rootPart) as JsonObject;
  let definitions: DefinitionsResult;
  let root: JsonObject;
  // by the variable's position: the validator it reuses, or its preprocessed schema
  const reused: (Prepared | undefined)[] = [];
  const preprocessed: JsonValue[] = [];
  // every part is preprocessed before anything is checked: a preprocessing failure (a schema
  // too deep to copy) is the schema's problem whichever variable holds it
  try {
    if (knownDefinitions) definitions = knownDefinitions.result;
    else {
      definitions = preparedDefinitions(strippedDefinitions as JsonObject);
      recentDefinitions.unshift({ text: definitionsText, result: definitions });
      if (recentDefinitions.length > 4) recentDefinitions.pop();
    }
    root = preprocessVariablesSchema(strippedRoot);
    for (let i = 0; i < variables.length; i++) {
      const [name, child] = variables[i]!;
      const memo = lastVariables.get(name);
      const isRequired = required.has(name);
      if (
        definitions.ok &&
        memo?.definitionsId === definitions.id &&
        memo.required === isRequired &&
        isObject(child) &&
        isObject(memo.schema) &&
        sameSchema(child, memo.schema)
      ) {
        reused[i] = memo.entry;
        continue;
      }
      const one: JsonObject = {};
      setKey(one, name, withoutAnnotations(child));
      const pre = preprocessVariablesSchema({
        properties: one,
        ...(isRequired ? { required: [name] } : {}),
      });
      preprocessed[i] = (pre.properties as JsonObject)[name] as JsonValue;
    }
  } catch (error) {
    return failure(error, "");
  }
  if (!definitions.ok) return failure(definitions.reason, "");
  const { id, definitions: shared } = definitions;
  const properties = new Map<string, SchemaValidator>();
  let problem: CompiledSchema | undefined;
  if (lastVariables.size >= MAX_PROPERTIES) lastVariables.clear();
  for (let i = 0; i < variables.length; i++) {
    const [name, child] = variables[i]!;
    let entry = reused[i];
    if (entry === undefined) {
      const pre = preprocessed[i] as JsonValue;
      entry = compileProperty(`${id}\u0000${JSON.stringify(pre)}`, pre, shared);
      lastVariables.set(name, {
        schema: child,
        required: required.has(name),
        definitionsId: id,
        entry,
      });
    }
    // the first unusable variable is the verdict; the others are still prepared and remembered,
    // so the next edit (fixing that one) does not prepare them again
    if (typeof entry !== "function") problem ??= failure(entry.reason, `/properties/${name}`);
    else properties.set(name, entry);
  }
  if (problem) return problem;
  const entry = rootValidator(rootPart, root, variables, id, shared);
  if (typeof entry !== "function") return failure(entry.reason, "");
  return { ok: true, root: entry, properties };
}

/**
 * A root with no keywords but `type: "object"` (Prefect's own templates; annotations and
 * `required` are gone by now) accepts every object whatever its keys: its properties are all
 * `true`. Validating the values there costs as much as validating every variable.
 */
function acceptsEveryObject(root: JsonObject): boolean {
  for (const key in root) if (key !== "type") return false;
  return root.type === undefined || root.type === "object";
}

function anyObject(validator: SchemaValidator): SchemaValidator {
  return (value) => (isObject(value) ? null : validator(value));
}

/** The last root prepared: its keywords as written, the variables' names and the definitions' id. */
let lastRoot: { raw: JsonObject; names: string[]; id: number; entry: Prepared } | undefined;

/**
 * The root's validator: its own keywords (`root`, preprocessed) with the variables' names. They
 * rarely change while a variable is edited, so the last one is reused without serialising the
 * names while the keywords (annotations aside), the names and the definitions stay the same;
 * otherwise it is cached like the variables' own. Each name maps to `true`, which the
 * meta-schema always accepts, so only the keywords are meta-validated.
 */
function rootValidator(
  raw: JsonObject,
  root: JsonObject,
  variables: (readonly [string, JsonValue])[],
  id: number,
  shared: JsonObject,
): Prepared {
  if (acceptsEveryObject(root)) {
    // every object passes whatever its keys, and a value that is not an object fails on `type`
    // alone: the names need not be prepared at all
    const bare: JsonObject = { ...root, properties: {} };
    const entry = cachedPrepare(`${id}\u0000${JSON.stringify(bare)}`, { ...bare, ...shared }, bare);
    return typeof entry === "function" ? anyObject(entry) : entry;
  }
  const list = variables.map(([name]) => name);
  if (
    lastRoot?.id === id &&
    lastRoot.names.length === list.length &&
    lastRoot.names.every((name, i) => name === list[i]) &&
    sameSchema(raw, lastRoot.raw)
  )
    return lastRoot.entry;
  const names: JsonObject = {};
  for (const name of list) setKey(names, name, true);
  const own: JsonObject = { ...root, properties: names };
  const entry = cachedPrepare(
    `${id}\u0000${JSON.stringify(own)}`,
    { ...own, ...shared },
    {
      ...root,
      properties: {},
    },
  );
  lastRoot = { raw, names: list, id, entry };
  return entry;
}

/** Compiles a variables schema (cached by object identity, then part by part; see compileParts). */
export function compileVariablesSchema(schema: JsonObject): CompiledSchema {
  const known = byObject.get(schema);
  if (known) return known;
  const compiled = compileParts(schema);
  byObject.set(schema, compiled);
  return compiled;
}

/** Wrappers whose own errors only say that a subschema failed; the subschema's errors say where. */
const WRAPPERS = new Set([
  "anyOf",
  "oneOf",
  "allOf",
  "if",
  "$ref",
  "properties",
  "patternProperties",
  "additionalProperties",
  "unevaluatedProperties",
  "items",
  "prefixItems",
  "dependentSchemas",
]);

/** Ajv's words for a failed wrapper, shown only when no inner error says more. */
const WRAPPER_MESSAGES: Record<string, string> = {
  anyOf: "must match a schema in anyOf",
  oneOf: "must match exactly one schema in oneOf",
  if: 'must match "then" schema',
};

/** The value of the keyword at a cfworker keyword location, following $refs on the way. */
function keywordAt(root: Schema, lookup: Lookup, location: string): unknown {
  let node: unknown = root;
  let inMap = false;
  for (const token of decodeLocation(location).split("/").slice(1)) {
    // after "properties" (or another map of schemas) a token is a name, even "$ref"
    const isKey: boolean = inMap;
    inMap = !isKey && schemaMapKeyword[token] === true;
    if (!isKey && token === "$ref" && isObject(node as JsonValue)) {
      const s = node as Schema;
      node = lookup[s.__absolute_ref__ ?? s.$ref ?? ""];
      continue;
    }
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

/**
 * One error in the words the checks show (Ajv's wording, which the messages were written for):
 * "must be integer", "must be one of ...", "is not allowed by the schema", "must be >= 0"...
 * null when the error is a wrapper or the `type: null` branch of an optional variable.
 */
function formatError(
  unit: OutputUnit,
  previous: OutputUnit | undefined,
  value: unknown,
): string | null {
  if (WRAPPERS.has(unit.keyword)) return null;
  switch (unit.keyword) {
    case "type": {
      const types = (Array.isArray(value) ? value : [value]).map(String);
      if (types.join(",") === "null") return null;
      return `must be ${types.filter((t) => t !== "null").join(" or ") || "null"}`;
    }
    case "enum":
      return Array.isArray(value)
        ? `must be one of ${value.map((v) => JSON.stringify(v)).join(", ")}`
        : "must be equal to one of the allowed values";
    case "false":
      // a `false` schema: under additionalProperties it forbids an extra key
      return previous?.keyword === "additionalProperties" ||
        previous?.keyword === "unevaluatedProperties"
        ? "is not allowed by the schema"
        : "boolean schema is false";
    case "const":
      return "must be equal to constant";
    case "minimum":
      return `must be >= ${String(value)}`;
    case "maximum":
      return `must be <= ${String(value)}`;
    case "exclusiveMinimum":
      return `must be > ${String(value)}`;
    case "exclusiveMaximum":
      return `must be < ${String(value)}`;
    case "multipleOf":
      return `must be multiple of ${String(value)}`;
    case "minLength":
      return `must NOT have fewer than ${String(value)} characters`;
    case "maxLength":
      return `must NOT have more than ${String(value)} characters`;
    case "minItems":
      return `must NOT have fewer than ${String(value)} items`;
    case "maxItems":
      return `must NOT have more than ${String(value)} items`;
    case "minProperties":
      return `must NOT have fewer than ${String(value)} properties`;
    case "maxProperties":
      return `must NOT have more than ${String(value)} properties`;
    case "pattern":
      return `must match pattern ${JSON.stringify(value)}`;
    case "format":
      return `must match format ${JSON.stringify(value)}`;
    case "not":
      return "must NOT be valid";
    case "uniqueItems":
      return "must NOT have duplicate items";
    default:
      return unit.error;
  }
}

/**
 * Prepares one schema: checks it as Ajv's compile does, then returns its validator. `own` is the
 * part still to check against the meta-schema (the shared definitions were checked once).
 */
function prepare(schema: JsonValue, own: JsonValue): SchemaValidator | { reason: string } {
  const problem = metaProblem(own);
  if (problem) return { reason: problem };
  if (typeof schema === "boolean") {
    return (value) =>
      schema || value === undefined
        ? null
        : [{ instancePath: "", message: "boolean schema is false" }];
  }
  const root = schema as Schema;
  const lookup = dereference(root);
  const missing = compileProblem(root, lookup);
  if (missing) return { reason: missing };
  // numbers, strings, booleans and null found valid: the defaults and job variables are mostly
  // the same from one check to the next (a validator serves every variable with the same schema),
  // and validating one again gives the same verdict (JSON Schema does not tell 0 from -0 either)
  const validScalars = new Set<JsonValue>();
  return (value) => {
    const scalar = value === null || typeof value !== "object";
    if (scalar && validScalars.has(value)) return null;
    const result = validate(value, root, "2020-12", lookup, false);
    if (result.valid) {
      if (scalar) rememberValid(validScalars, value);
      return null;
    }
    // one problem per instance path, the first (most specific) error there
    const byPath = new Map<string, string>();
    let previous: OutputUnit | undefined;
    for (const unit of result.errors) {
      const message = formatError(unit, previous, keywordAt(root, lookup, unit.keywordLocation));
      previous = unit;
      const path = decodeLocation(unit.instanceLocation);
      if (message !== null && !byPath.has(path)) byPath.set(path, message);
    }
    // nothing but wrappers and null branches failed (a variable typed null): say those
    if (byPath.size === 0) {
      for (const unit of result.errors) {
        const message =
          unit.keyword === "type" ? "must be null" : (WRAPPER_MESSAGES[unit.keyword] ?? null);
        const path = decodeLocation(unit.instanceLocation);
        if (message !== null && !byPath.has(path)) byPath.set(path, message);
      }
    }
    return [...byPath.entries()].map(([instancePath, message]) => ({ instancePath, message }));
  };
}

/**
 * The validators' sets of valid scalars that hold any, and how many scalars they hold in all:
 * past MAX_SCALARS every set is emptied, so the memory they take stays bounded however many
 * validators and values a session sees.
 */
const scalarSets = new Set<Set<JsonValue>>();
let scalarCount = 0;
const MAX_SCALARS = 100_000;

function rememberValid(set: Set<JsonValue>, value: JsonValue): void {
  if (scalarCount >= MAX_SCALARS) {
    for (const held of scalarSets) held.clear();
    scalarSets.clear();
    scalarCount = 0;
  }
  scalarSets.add(set);
  set.add(value);
  scalarCount++;
}

function withPrefix(problems: SchemaProblem[], prefix: string): SchemaProblem[] {
  return problems.map((p) => ({ instancePath: prefix + p.instancePath, message: p.message }));
}

/**
 * Validates an object of variable values: one problem per offending location, the most specific
 * first. anyOf/oneOf wrappers give way to their branch errors, except the null branch.
 */
export function validateValues(
  compiled: Extract<CompiledSchema, { ok: true }>,
  values: JsonObject,
): SchemaProblem[] {
  const problems = compiled.root(values) ?? [];
  for (const name of Object.keys(values)) {
    // the common case (valid) costs one call and no allocation
    const found = compiled.properties.get(name)?.(values[name] as JsonValue);
    if (found) problems.push(...withPrefix(found, joinPointer("", name)));
  }
  return problems;
}

/** A value that the Prefect server hydrates before validation (prefect variables / blocks). */
export function isRuntimeReference(value: JsonValue): boolean {
  if (typeof value === "string") {
    // (most strings are not: the test is cheaper than the pattern)
    if (!value.includes("prefect.")) return false;
    return /^\s*\{\{\s*prefect\.(variables|blocks)\.[^}]*\}\}\s*$/.test(value);
  }
  return isObject(value) && Object.keys(value).length === 1 && "$ref" in value;
}
