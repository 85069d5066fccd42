import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jsonEqual, sha256Hex, stableHash, stableStringify } from "./stable-hash";

describe("stableStringify", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
  it("drops undefined members like JSON.stringify", () => {
    expect(stableStringify({ a: undefined, b: "x" })).toBe('{"b":"x"}');
    expect(stableStringify([undefined])).toBe("[null]");
  });
  it("escapes strings and keys like JSON", () => {
    expect(stableStringify({ 'k"\n': "{{ cluster }}\u2028" })).toBe(
      '{"k\\"\\n":"{{ cluster }}\u2028"}',
    );
  });
});

describe("sha256Hex", () => {
  it.each(["", "abc", "é✓ 😀", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(1000)])(
    "matches node:crypto for %j",
    (text) => {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    },
  );
  it("gives the FIPS test vector for abc", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("stableHash and jsonEqual", () => {
  it("ignore key order and whitespace, not values", () => {
    const a = JSON.parse('{"variables": {"x": 1, "y": [1, 2]}, "job_configuration": {}}');
    const b = JSON.parse('{"job_configuration":{},"variables":{"y":[1,2],"x":1}}');
    expect(stableHash(a)).toBe(stableHash(b));
    expect(jsonEqual(a, b)).toBe(true);
    expect(jsonEqual(a, { ...b, variables: { x: 1, y: [2, 1] } })).toBe(false);
    expect(stableHash({ a: 1 })).toBe(createHash("sha256").update('{"a":1}').digest("hex"));
  });
});
