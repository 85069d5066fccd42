import type { JsonPointer } from "./types";

/** Escapes one reference token for an RFC 6901 JSON pointer. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Appends reference tokens to a JSON pointer. */
export function joinPointer(base: JsonPointer, ...tokens: (string | number)[]): JsonPointer {
  return base + tokens.map((t) => "/" + escapePointerToken(t)).join("");
}
