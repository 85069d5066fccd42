import { describe, expect, it } from "vitest";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import type { BaseJobTemplate } from "./schema";
import { deepMerge, resolveVariables, schemaDefaults, transformJobVariables } from "./variables";

const template = defaultTemplate as unknown as BaseJobTemplate;

describe("resolveVariables", () => {
  it("starts from the schema's non-null defaults", () => {
    expect(resolveVariables(template)).toEqual({
      values: {
        launch_type: "FARGATE",
        task_start_timeout_seconds: 300,
        task_watch_poll_interval: 5.0,
        auto_deregister_task_definition: false,
        match_latest_revision_in_family: false,
      },
      origins: {
        launch_type: { source: "default", pointer: "/variables/properties/launch_type/default" },
        task_start_timeout_seconds: {
          source: "default",
          pointer: "/variables/properties/task_start_timeout_seconds/default",
        },
        task_watch_poll_interval: {
          source: "default",
          pointer: "/variables/properties/task_watch_poll_interval/default",
        },
        auto_deregister_task_definition: {
          source: "default",
          pointer: "/variables/properties/auto_deregister_task_definition/default",
        },
        match_latest_revision_in_family: {
          source: "default",
          pointer: "/variables/properties/match_latest_revision_in_family/default",
        },
      },
    });
  });

  it("lets job_variables replace top-level keys, null included, and records where they came from", () => {
    const { values, origins } = resolveVariables(template, {
      launch_type: null,
      image: "app",
      "env.A": "1",
    });
    expect(values.launch_type).toBeNull();
    expect(values.image).toBe("app");
    expect(values.env).toEqual({ A: "1" });
    expect(origins.launch_type).toEqual({ source: "job_variables", pointer: "/launch_type" });
    expect(origins.env).toEqual({ source: "job_variables", pointer: "/env.A" });
  });

  it("drops null defaults", () => {
    const t = structuredClone(template);
    (t.variables.properties ?? {}).image = { type: "string", default: null };
    expect(schemaDefaults(t)).not.toHaveProperty("image");
  });
});

describe("transformJobVariables", () => {
  it("expands dotted keys first and deep-merges plain keys over them", () => {
    expect(
      transformJobVariables({ "env.FOO": "dotted", env: { FOO: "plain", BAR: "b" }, "a.b.c": 1 })
        .values,
    ).toEqual({
      env: { FOO: "plain", BAR: "b" },
      a: { b: { c: 1 } },
    });
  });

  it("rejects a dotted key that runs through a non-object, as set_in_dict does", () => {
    expect(transformJobVariables({ "x.y": 1, "x.y.z": 2 }).rejected).toEqual(["x.y.z"]);
  });
});

describe("deepMerge", () => {
  it("merges nested objects and lets the second argument win", () => {
    expect(deepMerge({ a: { x: 1, y: 1 }, b: 1 }, { a: { y: 2 }, c: 3 })).toEqual({
      a: { x: 1, y: 2 },
      b: 1,
      c: 3,
    });
  });
});
