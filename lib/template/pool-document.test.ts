import { describe, expect, it } from "vitest";
import { isWholePool, locateTemplate } from "./pool-document";

describe("whole pool or bare template", () => {
  it("unwraps a work pool to its base_job_template, with the pool's type and name", () => {
    const pool = { name: "ecs-prod", type: "ecs:push", base_job_template: { variables: {} } };
    expect(isWholePool(pool)).toBe(true);
    expect(locateTemplate(pool)).toEqual({
      template: { variables: {} },
      pointerPrefix: "/base_job_template",
      poolType: "ecs:push",
      poolName: "ecs-prod",
    });
  });

  it("takes a document with template keys at the top level as the template itself", () => {
    const template = { job_configuration: {}, variables: {}, base_job_template: {} };
    expect(isWholePool(template)).toBe(false);
    expect(locateTemplate(template)).toEqual({ template, pointerPrefix: "" });
  });

  it("reads a pool without base_job_template value as a null template", () => {
    expect(locateTemplate({ base_job_template: null })).toEqual({
      template: null,
      pointerPrefix: "/base_job_template",
    });
  });
});
