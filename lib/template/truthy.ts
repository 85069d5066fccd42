/**
 * Python truthiness of JSON values, as the ECS worker tests its template's values. A module of its
 * own: the form (lib/template/placement.ts) needs it in the browser's first load, the renderer
 * (render.ts and what it imports) is only needed by the checks, which load later.
 */
import type { JsonValue } from "./types";

/** Python truthiness of a JSON value. */
export function truthy(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "")
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") {
    for (const key in value) if (Object.hasOwn(value, key)) return true;
    return false;
  }
  return true;
}
