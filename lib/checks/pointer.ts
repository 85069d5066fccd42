/** RFC 6901 JSON pointer helpers used to point diagnostics at the offending value. */
import type { JsonPointer, JsonValue } from "@/lib/template/types";

// One implementation of escaping and joining, shared with the template engine.
export { isObject, joinPointer } from "@/lib/template/pointer";
import { isObject } from "@/lib/template/pointer";

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

/** Sets an own property even for the key "__proto__" (plain assignment would change the prototype). */
export function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Own-property lookup (never inherited members such as "constructor" or "__proto__"). */
export function ownValue(target: { [key: string]: JsonValue }, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}
