import { describe, expect, it } from "vitest";
import { diffText, fieldSummary, kindLabel, templateOf, utcTime } from "./format";

describe("history formatting", () => {
  it("names the kind, and the deployment when there is one", () => {
    expect(kindLabel({ kind: "pool.concurrency", deployment: null })).toBe("Concurrency limit");
    expect(
      kindLabel({ kind: "deployment.job_variables", deployment: { id: "d-1", name: "nightly" } }),
    ).toBe("Job variables of deployment nightly");
  });

  it("shows UTC time the same everywhere", () => {
    expect(utcTime("2026-11-27T21:04:05.678Z")).toBe("2026-11-27 21:04:05 UTC");
    expect(utcTime("2026-11-27T23:04:05+02:00")).toBe("2026-11-27 21:04:05 UTC");
    expect(utcTime("not a time")).toBe("not a time");
  });

  it("summarises plain fields and leaves documents to the diff", () => {
    expect(
      fieldSummary({
        before: { is_paused: false, concurrency_limit: null },
        after: { is_paused: true, concurrency_limit: 5 },
      }),
    ).toEqual(["is_paused: false → true", "concurrency_limit: null → 5"]);
    expect(fieldSummary({ before: null, after: { type: "ecs", base_job_template: {} } })).toEqual([
      'type: (unset) → "ecs"',
    ]);
    expect(
      fieldSummary({ before: { job_variables: {} }, after: { job_variables: { a: 1 } } }),
    ).toEqual([]);
  });

  it("diffs the document a side holds, and finds restorable templates", () => {
    expect(diffText({ job_variables: { cpu: 512 } })).toBe('{\n  "cpu": 512\n}');
    expect(diffText({ base_job_template: { variables: {} } })).toBe('{\n  "variables": {}\n}');
    expect(diffText({ is_paused: true })).toBe('{\n  "is_paused": true\n}');
    expect(diffText(null)).toBe("");
    expect(templateOf({ base_job_template: { a: 1 } })).toEqual({ a: 1 });
    expect(templateOf({ job_variables: { a: 1 } })).toBeNull();
    expect(templateOf(null)).toBeNull();
  });
});
