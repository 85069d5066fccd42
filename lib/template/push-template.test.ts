import { describe, expect, it } from "vitest";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import {
  defaultTemplatePair,
  derivePushTemplate,
  PUSH_CREDENTIALS_DESCRIPTION,
} from "./push-template";
import type { JsonObject } from "./types";

const ecs = ecsDefault as JsonObject;

describe("derivePushTemplate", () => {
  it("changes exactly aws_credentials' description and variables.required of Prefect's ecs template", () => {
    const { template, changes } = derivePushTemplate(ecs);
    const expected = structuredClone(ecs) as {
      variables: { required?: string[]; properties: { aws_credentials: JsonObject } };
    };
    expected.variables.properties.aws_credentials.description = PUSH_CREDENTIALS_DESCRIPTION;
    expected.variables.required = ["aws_credentials"];
    expect(template).toEqual(expected);
    expect(changes.map((c) => c.pointer)).toEqual([
      "/variables/properties/aws_credentials/description",
      "/variables/required",
    ]);
  });

  it("does not modify its input", () => {
    const before = JSON.stringify(ecs);
    derivePushTemplate(ecs);
    expect(JSON.stringify(ecs)).toBe(before);
  });

  it("adds the variable and placeholder to a template without aws_credentials", () => {
    const { template, changes } = derivePushTemplate({
      job_configuration: { cluster: "{{ cluster }}" },
      variables: {
        type: "object",
        properties: { cluster: { type: "string" } },
        required: ["cluster"],
      },
    });
    expect(template).toEqual({
      job_configuration: { cluster: "{{ cluster }}", aws_credentials: "{{ aws_credentials }}" },
      variables: {
        type: "object",
        properties: {
          cluster: { type: "string" },
          aws_credentials: {
            title: "AWS Credentials",
            description: PUSH_CREDENTIALS_DESCRIPTION,
            type: "object",
          },
        },
        required: ["cluster", "aws_credentials"],
      },
    });
    expect(changes.map((c) => c.title)).toEqual([
      "Added the aws_credentials variable",
      "Added aws_credentials to variables.required",
      "Added the {{ aws_credentials }} placeholder to job_configuration",
    ]);
  });

  it("is idempotent: deriving a derived template changes nothing", () => {
    const once = derivePushTemplate(ecs).template;
    const twice = derivePushTemplate(once);
    expect(twice.template).toEqual(once);
    expect(twice.changes).toEqual([]);
  });
});

describe("defaultTemplatePair", () => {
  it("uses the server's ecs:push template when it has one (Prefect Cloud)", () => {
    const cloudPush = { job_configuration: {}, variables: { properties: {} } };
    expect(defaultTemplatePair(ecs, cloudPush)).toEqual({
      hybrid: ecs,
      push: cloudPush,
      derived: null,
    });
  });

  it("derives it when the server has none (self-hosted)", () => {
    const pair = defaultTemplatePair(ecs, undefined);
    expect(pair.push).toEqual(derivePushTemplate(ecs).template);
    expect(pair.derived?.map((c) => c.pointer)).toEqual([
      "/variables/properties/aws_credentials/description",
      "/variables/required",
    ]);
  });
});
