import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json-text";

describe("parseJsonText", () => {
  it("returns the value of valid JSON", () => {
    expect(parseJsonText('{"a": [1, null]}')).toEqual({ ok: true, value: { a: [1, null] } });
  });

  it("says where invalid JSON broke, and why, in the words the editor shows", () => {
    const cases: [string, number, number, number, string][] = [
      ['{"a": 1,}', 8, 1, 9, "expected a property name in double quotes"],
      ['{"a" 1}', 5, 1, 6, "expected ':'"],
      ['{"a": 1 "b": 2}', 8, 1, 9, "expected ','"],
      ["[1, 2", 5, 1, 6, "expected ']'"],
      ['{"a":\n  tru}', 8, 2, 3, "unexpected character"],
      ['{"a": "x\\q"}', 6, 1, 7, "invalid escape character"],
      ['{"a": "b', 6, 1, 7, "unterminated string"],
      ['{"a": 1} // c', 9, 1, 10, "comments are not allowed in JSON"],
      ["{} x", 3, 1, 4, "unexpected character"],
      ["   ", 3, 1, 4, "the document is empty"],
    ];
    for (const [text, offset, line, column, reason] of cases) {
      expect(parseJsonText(text), text).toEqual({ ok: false, offset, line, column, reason });
    }
  });
});
