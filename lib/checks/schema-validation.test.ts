/**
 * compileVariablesSchema reuses what it prepared for a variable while the variable's schema stays
 * the same: these cases change only what lies outside that schema (its being required, the shared
 * definitions, the other variables' names), so a wrong reuse would give the previous verdict.
 */
import { describe, expect, it } from "vitest";

import type { JsonObject } from "@/lib/template/types";
import { compileVariablesSchema, validateValues, type SchemaProblem } from "./schema-validation";

/** The problems of `values` under `schema`, compiled from a fresh copy (as a new paste would be). */
function problems(schema: JsonObject, values: JsonObject): SchemaProblem[] | string {
  const compiled = compileVariablesSchema(structuredClone(schema));
  if (!compiled.ok) return `${compiled.pointer}: ${compiled.reason}`;
  return validateValues(compiled, values);
}

describe("compileVariablesSchema after an edit elsewhere in the schema", () => {
  it("a variable made required no longer accepts null", () => {
    const optional: JsonObject = { type: "object", properties: { cpu: { type: "integer" } } };
    const required: JsonObject = { ...optional, required: ["cpu"] };
    expect(problems(optional, { cpu: null })).toEqual([]);
    expect(problems(required, { cpu: null })).toEqual([
      { instancePath: "/cpu", message: "must be integer" },
    ]);
    expect(problems(optional, { cpu: null })).toEqual([]);
  });

  it("a variable that references a definition follows the definition's change", () => {
    const schema = (type: string): JsonObject => ({
      type: "object",
      properties: { size: { $ref: "#/definitions/Size" } },
      definitions: { Size: { type } },
    });
    expect(problems(schema("string"), { size: "large" })).toEqual([]);
    expect(problems(schema("integer"), { size: "large" })).toEqual([
      { instancePath: "/size", message: "must be integer" },
    ]);
    expect(problems(schema("string"), { size: 3 })).toEqual([
      { instancePath: "/size", message: "must be string" },
    ]);
  });

  it("the root's additionalProperties follows the variables' names", () => {
    const schema = (name: string): JsonObject => ({
      type: "object",
      additionalProperties: false,
      properties: { [name]: { type: "string" } },
    });
    expect(problems(schema("image"), { image: "a", tag: "b" })).toEqual([
      { instancePath: "/tag", message: "is not allowed by the schema" },
    ]);
    expect(problems(schema("tag"), { image: "a", tag: "b" })).toEqual([
      { instancePath: "/image", message: "is not allowed by the schema" },
    ]);
  });

  it("an unusable variable stays the verdict until it is fixed, whatever comes after it", () => {
    const schema = (type: string): JsonObject => ({
      type: "object",
      properties: { cpu: { type }, memory: { type: "integer" }, image: { type: "string" } },
    });
    const unusable =
      '/properties/cpu: /type must be one of "array", "boolean", "integer", "null", "number", "object", "string"';
    expect(problems(schema("integr"), {})).toBe(unusable);
    expect(problems(schema("integr"), {})).toBe(unusable);
    expect(problems(schema("integer"), { cpu: "1", memory: "2", image: 3 })).toEqual([
      { instancePath: "/cpu", message: "must be integer" },
      { instancePath: "/memory", message: "must be integer" },
      { instancePath: "/image", message: "must be string" },
    ]);
  });

  it("a change in annotations only keeps the verdict", () => {
    const schema = (description: string): JsonObject => ({
      type: "object",
      properties: { cpu: { type: "integer", minimum: 256, description, default: 512 } },
    });
    expect(problems(schema("CPU units"), { cpu: 128 })).toEqual([
      { instancePath: "/cpu", message: "must be >= 256" },
    ]);
    expect(problems(schema("CPU units for the task"), { cpu: 128 })).toEqual([
      { instancePath: "/cpu", message: "must be >= 256" },
    ]);
  });
});

describe("validateValues on values checked before", () => {
  it("gives each value its own verdict when variables share a schema", () => {
    const schema: JsonObject = {
      type: "object",
      properties: {
        image: { type: "string", maxLength: 3 },
        tag: { type: "string", maxLength: 3 },
      },
    };
    expect(problems(schema, { image: "abc", tag: "abc" })).toEqual([]);
    expect(problems(schema, { image: "abc", tag: "abcd" })).toEqual([
      { instancePath: "/tag", message: "must NOT have more than 3 characters" },
    ]);
    expect(problems(schema, { image: "abcd", tag: "abc" })).toEqual([
      { instancePath: "/image", message: "must NOT have more than 3 characters" },
    ]);
  });

  it("a root of type object accepts any object and refuses anything else", () => {
    const compiled = compileVariablesSchema({
      type: "object",
      properties: { image: { type: "string" } },
    });
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(compiled.root({ image: 1, other: "x" })).toBeNull();
    expect(compiled.root(["image"])).toEqual([{ instancePath: "", message: "must be object" }]);
  });

  it("still reports a root that is more than type object", () => {
    const schema: JsonObject = {
      type: "object",
      maxProperties: 1,
      properties: { image: { type: "string" }, tag: { type: "string" } },
    };
    expect(problems(schema, { image: "a" })).toEqual([]);
    expect(problems(schema, { image: "a", tag: "b" })).toEqual([
      { instancePath: "", message: "must NOT have more than 1 properties" },
    ]);
  });
});
