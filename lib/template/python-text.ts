/**
 * Two Python text helpers the ECS worker applies to the request: `shlex.split` (posix, via
 * prefect.utilities.processutils.command_from_string) and python-slugify's legacy `slugify` with
 * the arguments ecs_worker uses for tags.
 */
import { HTML_ENTITY_CODEPOINTS } from "./html-entities";

const SHLEX_SPACE = " \t\r\n";

/** shlex.split(text, posix=True) (whitespace_split, no comments); throws like Python on bad quoting. */
export function shlexSplit(text: string): string[] {
  const tokens: string[] = [];
  let token = "";
  let quoted = false;
  let state: "space" | "word" | "'" | '"' | "escape" = "space";
  let escapedState: "word" | '"' = "word";
  for (const ch of text) {
    if (state === "space") {
      if (SHLEX_SPACE.includes(ch)) continue;
      if (ch === "\\") {
        escapedState = "word";
        state = "escape";
      } else if (ch === "'" || ch === '"') {
        quoted = true;
        state = ch;
      } else {
        token = ch;
        state = "word";
      }
    } else if (state === "word") {
      if (SHLEX_SPACE.includes(ch)) {
        tokens.push(token);
        token = "";
        quoted = false;
        state = "space";
      } else if (ch === "'" || ch === '"') {
        quoted = true;
        state = ch;
      } else if (ch === "\\") {
        escapedState = "word";
        state = "escape";
      } else token += ch;
    } else if (state === "'") {
      if (ch === "'") state = "word";
      else token += ch;
    } else if (state === '"') {
      if (ch === '"') state = "word";
      else if (ch === "\\") {
        escapedState = '"';
        state = "escape";
      } else token += ch;
    } else {
      // inside double quotes a backslash only escapes `"` and `\`; elsewhere it escapes anything
      if (escapedState === '"' && ch !== '"' && ch !== "\\") token += "\\";
      token += ch;
      state = escapedState;
    }
  }
  if (state === "'" || state === '"') throw new Error("No closing quotation");
  if (state === "escape") throw new Error("No escaped character");
  if (state === "word" || quoted) {
    if (token !== "" || quoted) tokens.push(token);
  }
  return tokens;
}

const TAG_DISALLOWED = /[^a-zA-Z0-9_./=+:@-]/gu;

function decodeNumeric(text: string, pattern: RegExp, radix: number): string {
  // python-slugify substitutes all references of one kind or none (a bad one raises inside re.sub)
  let failed = false;
  const out = text.replace(pattern, (_m, digits: string) => {
    const code = parseInt(digits, radix);
    if (!(code <= 0x10ffff)) {
      failed = true;
      return "";
    }
    return String.fromCodePoint(code);
  });
  return failed ? text : out;
}

/**
 * slugify(text, regex_pattern=_TAG_REGEX, allow_unicode=True, lowercase=False), the legacy
 * pipeline of python-slugify. (Numeric character references with non-ASCII digits are not decoded
 * here; Python would decode them.)
 */
export function slugifyTag(input: string): string {
  let text = input.replace(/'+/g, "-").normalize("NFKC");
  text = text.replace(/&([A-Za-z0-9]+);/g, (m, name: string) => {
    const code = Object.hasOwn(HTML_ENTITY_CODEPOINTS, name)
      ? HTML_ENTITY_CODEPOINTS[name]
      : undefined;
    return code === undefined ? m : String.fromCodePoint(code);
  });
  text = decodeNumeric(text, /&#([0-9]+);/g, 10);
  text = decodeNumeric(text, /&#x([0-9a-fA-F]+);/g, 16);
  text = text.normalize("NFKC").replace(/'+/g, "");
  text = text.replace(/(?<=\p{Nd}),(?=\p{Nd})/gu, "");
  text = text.replace(TAG_DISALLOWED, "-");
  return text.replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
}
