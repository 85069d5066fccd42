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
