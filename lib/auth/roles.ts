import "server-only";

import type { OidcConfig, Role } from "@/lib/env/auth-schema";

/** A claim's value by dot path (`realm_access.roles`); a top-level key with dots wins. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The role an SSO user gets: editor when the role claim (a string, a space- or comma-separated
 * string, or an array of strings) holds one of the editor values; viewer otherwise.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  mapping: Pick<OidcConfig, "roleClaim" | "editorValues">,
): Role {
  const raw = claimAt(claims, mapping.roleClaim);
  const values = Array.isArray(raw)
    ? raw.filter((v): v is string => typeof v === "string")
    : typeof raw === "string"
      ? raw.split(/[\s,]+/)
      : [];
  return values.some((v) => mapping.editorValues.includes(v)) ? "editor" : "viewer";
}
