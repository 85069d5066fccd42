import { describe, expect, it } from "vitest";
import { applyValues, getFromDict, NOT_SET } from "./apply-values";
import type { JsonObject } from "./types";

describe("applyValues (prefect.utilities.templating.apply_values)", () => {
  it("keeps the value's JSON type for a lone placeholder", () => {
    expect(
      applyValues(
        { cpu: "{{ cpu }}", s: "{{ s }}", f: "{{ f }}", n: "{{ n }}" },
        { cpu: 512, s: [{ capacityProvider: "FARGATE", weight: 1 }], f: false, n: null },
      ),
    ).toEqual({ cpu: 512, s: [{ capacityProvider: "FARGATE", weight: 1 }], f: false, n: null });
  });

  it("stringifies values inside text the way Python's str() does", () => {
    expect(
      applyValues("{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}", {
        a: { k: [1, null] },
        b: true,
        c: null,
        d: 0.00001,
        e: "s",
      }),
    ).toBe("{'k': [1, None]}|True|None|1e-05|s");
  });

  it("removes keys and list items whose lone placeholder has no value, and blanks missing in-text ones", () => {
    expect(
      applyValues({ a: "{{ missing }}", b: ["{{ missing }}", 1], c: "x-{{ missing }}-y" }, {}),
    ).toEqual({
      b: [1],
      c: "x--y",
    });
    expect(applyValues("{{ missing }}", {})).toBe(NOT_SET);
  });

  it("keeps the original text with removeNotset false", () => {
    expect(
      applyValues({ a: "{{ missing }}", c: "x-{{ missing }}" }, {}, { removeNotset: false }),
    ).toEqual({
      a: "{{ missing }}",
      c: "x-{{ missing }}",
    });
  });

  it("leaves prefect.variables and prefect.blocks placeholders for run time", () => {
    expect(
      applyValues(
        { a: "{{ prefect.variables.image }}", b: "{{ prefect.blocks.secret.t }}-{{ x }}" },
        { x: 1 },
      ),
    ).toEqual({ a: "{{ prefect.variables.image }}", b: "{{ prefect.blocks.secret.t }}-1" });
  });

  it("leaves $ENV placeholders alone without an env and resolves them like Prefect with one", () => {
    const template = { a: "{{ $HOME }}", b: "x{{ $UNSET }}y" };
    expect(applyValues(template, {})).toEqual(template);
    expect(applyValues(template, {}, { env: { HOME: "/root" } })).toEqual({ a: "/root", b: "xy" });
  });

  it("substitutes in a single pass, so inserted text is never rendered again", () => {
    expect(applyValues("{{ x }} {{ y }}", { x: "{{ y }}", y: "Y" })).toBe("{{ y }} Y");
  });

  it("leaves numbers, booleans and null untouched", () => {
    expect(applyValues([1, 2.5, true, null], { a: 1 })).toEqual([1, 2.5, true, null]);
  });
});

describe("getFromDict (prefect.utilities.collections.get_from_dict)", () => {
  const values = { a: { b: [{ c: "deep" }, "x"] }, s: "héllo😀", d: { "2026": "year" }, n: 5 };
  it.each([
    ["a.b[0].c", "deep"],
    ["a.b.1", "x"],
    ["a.b[-1]", "x"],
    ["s.0", "h"],
    ["s[-1]", "😀"],
    ["d.2026", "year"],
  ])("%s → %j", (name, expected) => {
    expect(getFromDict(values, name)).toBe(expected);
  });

  it.each(["a.b[5]", "a.x", "n.0", "s.x", "d.02026", "missing"])("%s has no value", (name) => {
    expect(getFromDict(values, name)).toBe(NOT_SET);
  });
});

describe("keys named __proto__", () => {
  it("stay plain keys, as in Python and JSON.parse", () => {
    const template = JSON.parse('{"__proto__": "{{ x }}", "k": "{{ x.__proto__ }}"}') as JsonObject;
    const out = applyValues(
      template,
      JSON.parse('{"x": {"__proto__": "y"}}') as JsonObject,
    ) as JsonObject;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "k"]);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"__proto__":"y"},"k":"y"}');
  });
});
