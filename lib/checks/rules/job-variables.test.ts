import { describe, expect, it } from "vitest";
import { check, findings, messages, withDefaults } from "@/testing/checks";

describe("prefect/job-variable-unknown", () => {
  const rule = "prefect/job-variable-unknown";
  it("warns about a job variable the pool does not have and offers to remove it", () => {
    const result = check(withDefaults({}), "hybrid", { jobVariables: { imgae: "python:3.12" } });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "job_variables",
        path: "/imgae",
        fix: {
          title: "Remove imgae from job_variables",
          document: "job_variables",
          edits: [{ op: "remove", path: "/imgae" }],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain('"imgae" is not a variable of this pool');
  });
  it("accepts job variables that placeholders use", () => {
    expect(
      findings(
        check(withDefaults({}), "hybrid", {
          jobVariables: { image: "python:3.12", env: { A: "1" } },
        }),
        rule,
      ),
    ).toEqual([]);
  });
});

describe("prefect/job-variable-violates-schema", () => {
  const rule = "prefect/job-variable-violates-schema";
  it("reports a value of the wrong type at its key", () => {
    const result = check(withDefaults({}), "hybrid", {
      jobVariables: { cpu: "big", launch_type: "SPOT" },
    });
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "job_variables", path: "/cpu" },
      { rule, severity: "error", document: "job_variables", path: "/launch_type" },
    ]);
    expect(messages(result, rule)[0]).toBe(
      '"cpu" must be integer. Prefect validates job_variables against the pool\'s variables schema and refuses to save the deployment (409); fix the value.',
    );
  });
  it("reports job_variables that are not an object", () => {
    expect(findings(check(withDefaults({}), "hybrid", { jobVariables: [1] }), rule)).toEqual([
      { rule, severity: "error", document: "job_variables", path: "" },
    ]);
  });
  it("accepts valid values and null for optional variables", () => {
    const jobVariables = { cpu: 2048, memory: 4096, launch_type: "EC2", vpc_id: null };
    expect(findings(check(withDefaults({}), "hybrid", { jobVariables }), rule)).toEqual([]);
  });
});
