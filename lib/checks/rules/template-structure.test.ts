import { describe, expect, it } from "vitest";
import { check, defaultTemplate, findings, jobConfiguration, messages } from "@/testing/checks";

describe("template/missing-section", () => {
  const rule = "template/missing-section";

  it("reports a template without variables, with a fix that adds the section", () => {
    const template = defaultTemplate();
    delete template.variables;
    expect(findings(check(template), rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "",
        fix: {
          title: "Add an empty variables section",
          document: "template",
          edits: [{ op: "add", path: "/variables", value: { type: "object", properties: {} } }],
        },
      },
    ]);
    expect(messages(check(template), rule)[0]).toContain('The template has no "variables" section');
  });

  it("points inside base_job_template for a whole work pool", () => {
    const template = defaultTemplate();
    delete template.job_configuration;
    const pool = { name: "pool", type: "ecs", base_job_template: template };
    expect(findings(check(pool), rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/base_job_template",
        fix: {
          title: "Add an empty job_configuration section",
          document: "template",
          edits: [{ op: "add", path: "/base_job_template/job_configuration", value: {} }],
        },
      },
    ]);
  });

  it("reports an empty job_configuration object at its key, without a fix", () => {
    const template = defaultTemplate();
    template.job_configuration = {};
    expect(findings(check(template), rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/job_configuration", fix: undefined },
    ]);
  });

  it("reports a document that is not an object", () => {
    expect(findings(check([1, 2]), rule)).toEqual([
      { rule, severity: "error", document: "template", path: "" },
    ]);
  });

  it("accepts the default template and the empty template", () => {
    expect(findings(check(defaultTemplate()), rule)).toEqual([]);
    expect(findings(check({}), rule)).toEqual([]);
  });
});

describe("template/undeclared-variable", () => {
  const rule = "template/undeclared-variable";

  it("reports a placeholder with no variable and offers to declare it", () => {
    const template = defaultTemplate();
    jobConfiguration(template).image_tag = "{{ image_tag }}";
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/job_configuration/image_tag",
        fix: {
          title: "Declare variable image_tag",
          document: "template",
          edits: [
            { op: "add", path: "/variables/properties/image_tag", value: { title: "image_tag" } },
          ],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain(
      '"image_tag" is not declared in variables.properties',
    );
  });

  it("reports prefect.variables placeholders in job_configuration, which the server refuses", () => {
    const template = defaultTemplate();
    jobConfiguration(template).vpc_id = "{{ prefect.variables.vpc }}";
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/job_configuration/vpc_id",
        fix: undefined,
      },
    ]);
    expect(messages(result, rule)[0]).toContain("Declare a variable");
  });

  it("accepts the default template, where every placeholder is declared", () => {
    expect(findings(check(defaultTemplate()), rule)).toEqual([]);
  });
});
