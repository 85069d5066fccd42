import { describe, expect, it } from "vitest";
import { pyFloatRepr, pyRepr, pyReprString, pyStr } from "./python-str";

describe("pyStr (Python str() of JSON values)", () => {
  it("prints strings as they are and scalars the Python way", () => {
    expect(pyStr("it's")).toBe("it's");
    expect(pyStr(null)).toBe("None");
    expect(pyStr(true)).toBe("True");
    expect(pyStr(false)).toBe("False");
    expect(pyStr(42)).toBe("42");
    expect(pyStr(-7)).toBe("-7");
    expect(pyStr(2.5)).toBe("2.5");
  });

  it("prints dicts and lists as Python reprs", () => {
    expect(pyStr({ a: [1, 2.5, null, true], b: "it's" })).toBe(
      `{'a': [1, 2.5, None, True], 'b': "it's"}`,
    );
    expect(pyStr([])).toBe("[]");
    expect(pyStr({})).toBe("{}");
    expect(pyStr([{ k: "v" }, [false]])).toBe("[{'k': 'v'}, [False]]");
  });

  it("prints integral numbers as Python ints (a documented difference for 5.0)", () => {
    expect(pyStr(5.0)).toBe("5");
    expect(pyStr(12345678901234)).toBe("12345678901234");
  });
});

describe("pyFloatRepr", () => {
  it("switches to exponent form below 1e-4 and from 1e16, like repr(float)", () => {
    expect(pyFloatRepr(0.00001)).toBe("1e-05");
    expect(pyFloatRepr(-0.0001)).toBe("-0.0001");
    expect(pyFloatRepr(1.5e-7)).toBe("1.5e-07");
    expect(pyFloatRepr(1e16)).toBe("1e+16");
    expect(pyFloatRepr(1e15 + 0.5)).toBe("1000000000000000.5");
    expect(pyFloatRepr(123.456)).toBe("123.456");
    expect(pyFloatRepr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(pyFloatRepr(5)).toBe("5.0");
  });
});

describe("pyReprString", () => {
  it("chooses quotes like Python", () => {
    expect(pyReprString("plain")).toBe("'plain'");
    expect(pyReprString("it's")).toBe(`"it's"`);
    expect(pyReprString(`say "hi"`)).toBe(`'say "hi"'`);
    expect(pyReprString(`it's "x"`)).toBe(`'it\\'s "x"'`);
  });

  it("escapes control and non-printable characters and keeps printable Unicode", () => {
    expect(pyReprString("a\u0000\u007f\u0085\u200b😀\n\\")).toBe(
      "'a\\x00\\x7f\\x85\\u200b😀\\n\\\\'",
    );
    expect(pyReprString("tab\there\r")).toBe("'tab\\there\\r'");
    expect(pyReprString("café 変数")).toBe("'café 変数'");
  });

  it("is what pyRepr uses for keys and nested strings", () => {
    expect(pyRepr({ "it's": ["a'b", 'a"b'] })).toBe(`{"it's": ["a'b", 'a"b']}`);
  });
});
