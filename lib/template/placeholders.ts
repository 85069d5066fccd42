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

// Compiling the Unicode classes is costly, so one global regex is shared. Every user resets
// `lastIndex` first and runs no other matching while it iterates (no re-entrancy possible).
const PLACEHOLDER_REGEX = new RegExp(PLACEHOLDER_SOURCE, "gu");

/** The shared global placeholder regex, reset; use it synchronously and do not keep it. */
function placeholderRegex(): RegExp {
  PLACEHOLDER_REGEX.lastIndex = 0;
  return PLACEHOLDER_REGEX;
}

/** prefect.utilities.templating.determine_placeholder_type */
export function placeholderKind(name: string): PlaceholderKind {
  if (name.startsWith("prefect.blocks.")) return "block";
  if (name.startsWith("prefect.variables.")) return "prefect-variable";
  if (name.startsWith("$")) return "env";
  return "variable";
}

/** One string's placeholders: the distinct ones, and where each occurrence sits. */
interface StringScan {
  /** distinct placeholders in order of first appearance (Prefect uses a set) */
  found: readonly { raw: string; name: string; kind: PlaceholderKind }[];
  /** every occurrence, in order: [start, end) in the string and its match */
  spans: readonly { start: number; end: number; raw: string }[];
}

const NO_PLACEHOLDERS: StringScan = { found: [], spans: [] };
// A template's strings are the same from one check (one keystroke) to the next: each string is
// matched once and its result reused, by value. Bounded: emptied when full.
const scans = new Map<string, StringScan>();
const MAX_SCANS = 50_000;

function scan(text: string): StringScan {
  if (!text.includes("{{")) return NO_PLACEHOLDERS;
  const known = scans.get(text);
  if (known) return known;
  const found: { raw: string; name: string; kind: PlaceholderKind }[] = [];
  const spans: { start: number; end: number; raw: string }[] = [];
  const regex = placeholderRegex();
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const raw = match[0];
    spans.push({ start: match.index, end: match.index + raw.length, raw });
    if (found.some((f) => f.raw === raw)) continue; // strings hold few placeholders
    const name = match[1] ?? "";
    found.push({ raw, name, kind: placeholderKind(name) });
  }
  const result = found.length === 0 ? NO_PLACEHOLDERS : { found, spans };
  if (scans.size >= MAX_SCANS) scans.clear();
  scans.set(text, result);
  return result;
}

/** The distinct placeholders of one string, in order of first appearance (Prefect uses a set). */
export function placeholdersInString(
  text: string,
): readonly { raw: string; name: string; kind: PlaceholderKind }[] {
  return scan(text).found;
}

/**
 * The string with each placeholder occurrence replaced by `replace(raw)`, in one pass over the
 * original text (as re.sub does), so inserted values are never read as placeholders.
 */
export function replacePlaceholders(text: string, replace: (raw: string) => string): string {
  const { spans } = scan(text);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + replace(span.raw);
    at = span.end;
  }
  return out + text.slice(at);
}

/** Every placeholder in a job configuration, with the JSON pointer of the string that holds it. */
export function findPlaceholders(
  jobConfiguration: JsonValue,
  basePointer: JsonPointer = "/job_configuration",
  document: DocumentKind = "template",
  /** skip strings this rejects without parsing them (a cheap pre-filter for large templates) */
  interesting?: (text: string) => boolean,
): Placeholder[] {
  const out: Placeholder[] = [];
  /** a string at `parent`'s `token` (the base pointer itself when no token) */
  const visitString = (value: string, parent: JsonPointer, token?: string | number): void => {
    if (interesting && !interesting(value)) return;
    const found = placeholdersInString(value);
    if (found.length === 0) return;
    const at = token === undefined ? parent : joinPointer(parent, token);
    for (const p of found) {
      out.push({
        name: p.name,
        raw: p.raw,
        kind: p.kind,
        pointer: at,
        whole: p.raw === value,
        document,
      });
    }
  };
  // each container's pointer is built once from its parent's, and a string's only when it holds a
  // placeholder: a large job_configuration has thousands of strings and few containers
  const walk = (value: JsonValue, pointer: JsonPointer): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i] as JsonValue, pointer, i);
    } else if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value)) visit(value[key] as JsonValue, pointer, key);
    }
  };
  const visit = (value: JsonValue, parent: JsonPointer, token: string | number): void => {
    if (typeof value === "string") visitString(value, parent, token);
    else if (value !== null && typeof value === "object") walk(value, joinPointer(parent, token));
  };
  if (typeof jobConfiguration === "string") visitString(jobConfiguration, basePointer);
  else walk(jobConfiguration, basePointer);
  return out;
}

/**
 * The top-level variable a standard placeholder reads (`a.b[0]` reads `a`), as
 * prefect.utilities.collections.get_from_dict splits it.
 */
export function placeholderRoot(name: string): string {
  if (!name.includes(".") && !name.includes("[")) return name;
  return name.replace(/\[/g, ".").replace(/\]/g, "").split(".")[0] ?? "";
}
