import { joinPointer } from "./pointer";
import type { DocumentKind, JsonPointer, JsonValue } from "./types";

/** What kind of value a placeholder names; mirrors prefect.utilities.templating.PlaceholderType. */
export type PlaceholderKind = "variable" | "prefect-variable" | "block" | "env";

export interface Placeholder {
  /** the name inside the braces, e.g. `launch_type`, `prefect.variables.image`, `$HOME` */
  name: string;
  /** the full match, e.g. `{{ launch_type }}` */
  raw: string;
  kind: PlaceholderKind;
  /** where the string holding the placeholder sits, e.g. /job_configuration/task_run_request/launchType */
  pointer: JsonPointer;
  /** the placeholder is the entire string value (Prefect then keeps the value's JSON type) */
  whole: boolean;
  /** which document `pointer` addresses; "template" unless the placeholder came from a variable value */
  document: DocumentKind;
}

// Python's `\w` and `\s` are Unicode-aware for str patterns. `[\p{L}\p{N}_]` is Python's \w
// (str.isalnum() plus "_"); the whitespace class is exactly the characters str.isspace() accepts
// (JS's \s differs: it has U+FEFF and lacks U+001C–U+001F and U+0085).
const PY_WORD = String.raw`\p{L}\p{N}_`;
const PY_SPACE = String.raw`\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
/** prefect.utilities.templating.PLACEHOLDER_CAPTURE_REGEX: `({{\s*([\w\.\-\[\]$]+)\s*}})` */
const PLACEHOLDER_SOURCE = String.raw`\{\{[${PY_SPACE}]*([${PY_WORD}.\-\[\]$]+)[${PY_SPACE}]*\}\}`;

/** A fresh global regex (global regexes carry `lastIndex`, so never share one). */
export function placeholderRegex(): RegExp {
  return new RegExp(PLACEHOLDER_SOURCE, "gu");
}

/** prefect.utilities.templating.determine_placeholder_type */
export function placeholderKind(name: string): PlaceholderKind {
  if (name.startsWith("prefect.blocks.")) return "block";
  if (name.startsWith("prefect.variables.")) return "prefect-variable";
  if (name.startsWith("$")) return "env";
  return "variable";
}

/** The distinct placeholders of one string, in order of first appearance (Prefect uses a set). */
export function placeholdersInString(
  text: string,
): { raw: string; name: string; kind: PlaceholderKind }[] {
  const seen = new Set<string>();
  const found: { raw: string; name: string; kind: PlaceholderKind }[] = [];
  for (const match of text.matchAll(placeholderRegex())) {
    const raw = match[0];
    const name = match[1] ?? "";
    if (seen.has(raw)) continue;
    seen.add(raw);
    found.push({ raw, name, kind: placeholderKind(name) });
  }
  return found;
}

/** Every placeholder in a job configuration, with the JSON pointer of the string that holds it. */
export function findPlaceholders(
  jobConfiguration: JsonValue,
  basePointer: JsonPointer = "/job_configuration",
  document: DocumentKind = "template",
): Placeholder[] {
  const out: Placeholder[] = [];
  const walk = (value: JsonValue, pointer: JsonPointer): void => {
    if (typeof value === "string") {
      for (const p of placeholdersInString(value)) {
        out.push({ ...p, pointer, whole: p.raw === value, document });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, joinPointer(pointer, i)));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) walk(item, joinPointer(pointer, key));
    }
  };
  walk(jobConfiguration, basePointer);
  return out;
}

/**
 * The top-level variable a standard placeholder reads (`a.b[0]` reads `a`), as
 * prefect.utilities.collections.get_from_dict splits it.
 */
export function placeholderRoot(name: string): string {
  return name.replace(/\[/g, ".").replace(/\]/g, "").split(".")[0] ?? "";
}
