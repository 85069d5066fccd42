/** RFC 6901 JSON pointers and the small JSON-value helpers every pure module shares. */
import type { JsonObject, JsonPointer, JsonValue } from "./types";

/** A JSON object: not null, not an array. The one definition every pure module uses. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Escapes one reference token for an RFC 6901 JSON pointer. */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  return text.includes("~") || text.includes("/")
    ? text.replace(/~/g, "~0").replace(/\//g, "~1")
    : text;
}

/** Appends reference tokens to a JSON pointer. */
export function joinPointer(base: JsonPointer, ...tokens: (string | number)[]): JsonPointer {
  return base + tokens.map((t) => "/" + escapePointerToken(t)).join("");
}

/** Splits a pointer into unescaped tokens ("" → []). */
export function splitPointer(pointer: JsonPointer): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value at `pointer`, or undefined when the path does not exist. */
export function getAtPointer(
  doc: JsonValue | undefined,
  pointer: JsonPointer,
): JsonValue | undefined {
  let current: JsonValue | undefined = doc;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isObject(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Treats null, "", [] and {} as "no value", the way the worker's truthiness checks do. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** Own-property lookup (never inherited members such as "constructor" or "__proto__"). */
export function ownValue(target: { [key: string]: JsonValue }, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

/** A deep copy of a JSON value (faster than structuredClone for plain JSON). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  const out: { [key: string]: JsonValue } = {};
  for (const key in value) {
    if (Object.hasOwn(value, key))
      setKey(out, key, cloneJson((value as { [key: string]: JsonValue })[key] as JsonValue));
  }
  return out as T;
}

/** obj[key] = value, except that "__proto__" becomes an own key (as JSON.parse makes it), not a prototype. */
export function setKey<T>(obj: { [key: string]: T }, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else obj[key] = value;
}
