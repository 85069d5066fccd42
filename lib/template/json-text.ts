/** Strict JSON parsing with a readable position (line and column) for template/invalid-json. */
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { JsonValue } from "./types";

export type ParsedJson =
  | { ok: true; value: JsonValue }
  | { ok: false; offset: number; line: number; column: number; reason: string };

/** 1-based line and column of an offset, the way Monaco and people count. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const reasons: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected content after the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

/** Parses JSON text strictly (no comments, no trailing commas); never throws. */
export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    // JSON.parse positions differ between engines; ask a real tokenizer where it broke
  }
  // the tree parser reports the same errors as jsonc's value parser, and the document model (the
  // form's edits) needs it anyway: the page's first JavaScript carries one jsonc parser, not two
  const errors: ParseError[] = [];
  parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  const offset = first ? first.offset : text.length;
  const code = first ? printParseErrorCode(first.error) : "ValueExpected";
  const { line, column } = offsetToLineColumn(text, offset);
  const what = text.trim() === "" ? "the document is empty" : (reasons[code] ?? code);
  return { ok: false, offset, line, column, reason: what };
}
