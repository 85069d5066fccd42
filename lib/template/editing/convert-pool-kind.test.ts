import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/checks";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import { PUSH_CREDENTIALS_DESCRIPTION } from "@/lib/template/push-template";
import type { JsonObject } from "@/lib/template/types";
import {
  convertTemplate,
  templateSetsStrategy,
  WORKER_CREDENTIALS_DESCRIPTION,
} from "./convert-pool-kind";

type Doc = {
  job_configuration: { task_run_request: JsonObject } & JsonObject;
  variables: { required?: string[]; properties: Record<string, JsonObject> };
};
const ecs = ecsDefault as JsonObject;
const clone = () => structuredClone(ecsDefault) as unknown as Doc;
const STRATEGY = [{ capacityProvider: "general-asg", base: 1, weight: 1 }];
const BLOCK = "1c6a2d5e-7a3b-4f0e-9c1d-2b3a4c5d6e7f";
const LAUNCH_RULE = "ecs/launch-type-and-capacity-provider-strategy";

function withStrategyDefault(): JsonObject {
  const doc = clone();
  doc.variables.properties.capacity_provider_strategy!.default = STRATEGY;
  doc.variables.properties.launch_type!.default = "EC2";
  return doc as unknown as JsonObject;
}

describe("convertTemplate hybrid → push", () => {
  it("Prefect's default: credentials required and the block as default, launchType kept (no strategy)", () => {
    const { template, changes, notes } = convertTemplate(ecs, "push", {
      credentialsBlockId: BLOCK,
    });
    const expected = clone();
    expected.variables.properties.aws_credentials!.description = PUSH_CREDENTIALS_DESCRIPTION;
    expected.variables.properties.aws_credentials!.default = { $ref: { block_document_id: BLOCK } };
    expected.variables.required = ["aws_credentials"];
    expect(template).toEqual(expected);
    expect(changes.map((c) => c.title)).toEqual([
      "Described aws_credentials as required",
      "Added aws_credentials to variables.required",
      `Set aws_credentials to block document ${BLOCK}`,
    ]);
    expect(notes).toEqual([]);
  });

  it("removes launchType when the template sets a strategy, which clears the push error", () => {
    const source = withStrategyDefault();
    expect(templateSetsStrategy(source)).toBe(true);
    const before = runChecks({ template: source, mode: "push" }).diagnostics;
    expect(before.filter((d) => d.rule === LAUNCH_RULE).map((d) => d.severity)).toEqual([
      "error",
      "warning",
    ]);
    const { template, changes } = convertTemplate(source, "push", { credentialsBlockId: BLOCK });
    const request = (template as unknown as Doc).job_configuration.task_run_request;
    expect(Object.hasOwn(request, "launchType")).toBe(false);
    expect(changes.at(-1)?.pointer).toBe("/job_configuration/task_run_request/launchType");
    const after = runChecks({ template, mode: "push" }).diagnostics;
    // only the #13030 warning is left; no error of any rule
    expect(after.filter((d) => d.rule === LAUNCH_RULE).map((d) => d.severity)).toEqual(["warning"]);
    expect(after.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("without a block: a note, and the push check still reports the missing credentials", () => {
    const { template, notes } = convertTemplate(ecs, "push");
    expect(notes).toEqual([
      "No AWS Credentials block is set yet: choose one (aws_credentials) before the first run, or every run is refused.",
    ]);
    const rules = runChecks({ template, mode: "push" }).diagnostics.map((d) => d.rule);
    expect(rules).toContain("prefect/push-requires-aws-credentials");
  });

  it("turns launch_type FARGATE_SPOT into the FARGATE_SPOT strategy and drops launchType", () => {
    const doc = clone();
    doc.variables.properties.launch_type!.default = "FARGATE_SPOT";
    const { template } = convertTemplate(doc as unknown as JsonObject, "push");
    const out = template as unknown as Doc;
    expect(out.variables.properties.capacity_provider_strategy!.default).toEqual([
      { capacityProvider: "FARGATE_SPOT", weight: 1 },
    ]);
    expect(out.variables.properties.launch_type!.default).toBe("FARGATE");
    expect(Object.hasOwn(out.job_configuration.task_run_request, "launchType")).toBe(false);
  });

  it("does not modify its input", () => {
    const source = withStrategyDefault();
    const before = JSON.stringify(source);
    convertTemplate(source, "push", { credentialsBlockId: BLOCK });
    expect(JSON.stringify(source)).toBe(before);
  });
});

describe("convertTemplate push → hybrid", () => {
  it("round trip of Prefect's default gives the original template back, except the kept block", () => {
    const push = convertTemplate(ecs, "push").template;
    const { template, changes, notes } = convertTemplate(push, "hybrid");
    expect(template).toEqual(ecs);
    expect(changes.map((c) => c.title)).toEqual([
      "aws_credentials is no longer required",
      "Restored the worker's aws_credentials description",
    ]);
    expect(notes).toEqual([]);
    expect((template as unknown as Doc).variables.properties.aws_credentials!.description).toBe(
      WORKER_CREDENTIALS_DESCRIPTION,
    );
  });

  it("keeps a credentials block and says so", () => {
    const push = convertTemplate(ecs, "push", { credentialsBlockId: BLOCK }).template;
    const { template, notes } = convertTemplate(push, "hybrid");
    expect((template as unknown as Doc).variables.properties.aws_credentials!.default).toEqual({
      $ref: { block_document_id: BLOCK },
    });
    expect(notes).toEqual([
      "aws_credentials still names a credentials block: the worker will call ECS with it instead of its own IAM role. Clear it to use the worker's role.",
    ]);
  });

  it("puts launchType back when no strategy is set, not when one is", () => {
    const doc = clone();
    delete doc.job_configuration.task_run_request.launchType;
    const back = convertTemplate(doc as unknown as JsonObject, "hybrid");
    expect((back.template as unknown as Doc).job_configuration.task_run_request.launchType).toBe(
      "{{ launch_type }}",
    );
    const withStrategy = withStrategyDefault() as unknown as Doc;
    delete withStrategy.job_configuration.task_run_request.launchType;
    const kept = convertTemplate(withStrategy as unknown as JsonObject, "hybrid");
    expect(
      Object.hasOwn(
        (kept.template as unknown as Doc).job_configuration.task_run_request,
        "launchType",
      ),
    ).toBe(false);
    expect(kept.changes).toEqual([]);
  });
});

describe("convertTemplate push Fargate Spot → hybrid", () => {
  it("keeps a Fargate placement: launchType comes back with launch_type FARGATE", () => {
    const hybrid = clone();
    hybrid.variables.properties.launch_type!.default = "FARGATE_SPOT";
    const push = convertTemplate(hybrid as unknown as JsonObject, "push", {
      credentialsBlockId: BLOCK,
    }).template;
    const { template, changes } = convertTemplate(push, "hybrid");
    const out = template as unknown as Doc;
    expect(out.job_configuration.task_run_request.launchType).toBe("{{ launch_type }}");
    expect(out.variables.properties.launch_type!.default).toBe("FARGATE");
    expect(out.variables.properties.capacity_provider_strategy!.default).toEqual([
      { capacityProvider: "FARGATE_SPOT", weight: 1 },
    ]);
    expect(changes.map((c) => c.title)).toEqual([
      "aws_credentials is no longer required",
      "Restored the worker's aws_credentials description",
      "Put launchType {{ launch_type }} back into task_run_request",
    ]);
    const errors = runChecks({ template, mode: "hybrid" }).diagnostics.filter(
      (d) => d.severity === "error",
    );
    expect(errors).toEqual([]);
  });

  it("sets launch_type to FARGATE when a Fargate-only strategy came with another launch type", () => {
    const push = clone();
    delete push.job_configuration.task_run_request.launchType;
    push.variables.properties.launch_type!.default = "EC2";
    push.variables.properties.capacity_provider_strategy!.default = [
      { capacityProvider: "FARGATE", base: 1, weight: 1 },
    ];
    const { template, changes } = convertTemplate(push as unknown as JsonObject, "hybrid");
    expect((template as unknown as Doc).variables.properties.launch_type!.default).toBe("FARGATE");
    expect(changes.map((c) => c.pointer)).toEqual([
      "/job_configuration/task_run_request/launchType",
      "/variables/properties/launch_type/default",
    ]);
  });
});
