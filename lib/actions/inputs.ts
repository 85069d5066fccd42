import "server-only";

import { z } from "zod";
import { parseJsonText } from "@/lib/template/json-text";
import type { JsonObject } from "@/lib/template/types";
import { ActionRefusal } from "@/lib/outcome/refusal";
import { documentTooLarge, MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";

/** A work pool name as stored in Prefect (creation checks the stricter rules of validateWorkPoolName). */
export const poolName = z.string().min(1, "A pool name is required.").max(1000);

/** A JSON document sent as text or as an object, at most MAX_DOCUMENT_CHARS characters of JSON. */
export function documentInput(what: string) {
  return z.union([z.string(), z.record(z.string(), z.unknown())]).superRefine((value, ctx) => {
    const size = typeof value === "string" ? value.length : JSON.stringify(value).length;
    if (size > MAX_DOCUMENT_CHARS)
      ctx.addIssue({ code: "custom", message: documentTooLarge(what, size) });
  });
}

/** Parses a document input into a JSON object, refusing invalid JSON and non-objects with a sentence. */
export function toJsonObject(value: string | Record<string, unknown>, what: string): JsonObject {
  if (typeof value !== "string") return value as JsonObject;
  const parsed = parseJsonText(value);
  if (!parsed.ok) {
    throw new ActionRefusal({
      ok: false,
      error: `The ${what} is not valid JSON (${parsed.reason} at line ${parsed.line}, column ${parsed.column}); nothing was sent.`,
    });
  }
  if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
    throw new ActionRefusal({
      ok: false,
      error: `The ${what} must be a JSON object; nothing was sent.`,
    });
  }
  return parsed.value;
}
