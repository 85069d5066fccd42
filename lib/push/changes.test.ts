import { describe, expect, it } from "vitest";
import { changedFields, changedSince, templateHash } from "./changes";

describe("changedSince", () => {
  const loaded = { updated: "2026-11-27T18:00:00Z", hash: templateHash({ a: 1 }) };
  it("is false only when both the time and the template hash match", () => {
    expect(changedSince(loaded, { ...loaded })).toBe(false);
    expect(changedSince(loaded, { ...loaded, updated: "2026-11-27T18:00:01Z" })).toBe(true);
    expect(changedSince(loaded, { ...loaded, hash: templateHash({ a: 2 }) })).toBe(true);
  });
  it("hashes a missing template like {}", () => {
    expect(templateHash(null)).toBe(templateHash({}));
    expect(templateHash({ b: [1], a: "x" })).toBe(templateHash({ a: "x", b: [1] }));
  });
});

describe("changedFields", () => {
  const stored = {
    base_job_template: { variables: { x: 1 }, job_configuration: {} },
    is_paused: false,
    concurrency_limit: null,
  };
  it("leaves out fields equal to the stored ones (key order ignored)", () => {
    expect(
      changedFields(stored, {
        base_job_template: { job_configuration: {}, variables: { x: 1 } },
        is_paused: false,
        concurrency_limit: null,
      }),
    ).toEqual({});
  });
  it("keeps each differing field whole", () => {
    expect(
      changedFields(stored, {
        base_job_template: { job_configuration: {}, variables: { x: 2 } },
        concurrency_limit: 0,
      }),
    ).toEqual({
      base_job_template: { job_configuration: {}, variables: { x: 2 } },
      concurrency_limit: 0,
    });
    expect(changedFields({}, { is_paused: true, description: "d" })).toEqual({
      is_paused: true,
      description: "d",
    });
  });
});
