import { describe, expect, it } from "vitest";
import { clusterOfTemplate } from "./ecs-run";
import { clusterOfRequest } from "./target-cluster";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import type { JsonObject } from "./types";

const withCluster = (cluster: string): JsonObject => {
  const template = structuredClone(defaultTemplate) as unknown as JsonObject;
  const properties = (template.variables as JsonObject).properties as JsonObject;
  (properties.cluster as JsonObject).default = cluster;
  return template;
};

describe("the cluster a template targets", () => {
  it("is the rendered request's cluster: the variable's default", () => {
    expect(clusterOfTemplate(withCluster("prod"), "hybrid")).toBe("prod");
    expect(clusterOfTemplate(withCluster("prod"), "push")).toBe("prod");
  });

  it("is none for Prefect's default template, whose cluster variable has no default", () => {
    expect(clusterOfTemplate(defaultTemplate as unknown as JsonObject, "hybrid")).toBeNull();
  });

  it("is none for a document that is not a template", () => {
    expect(clusterOfTemplate({ job_configuration: {} }, "hybrid")).toBeNull();
    expect(clusterOfTemplate([], "hybrid")).toBeNull();
  });

  it("reads only plain names from a request", () => {
    expect(
      (
        [
          { cluster: "a" },
          { cluster: "" },
          { cluster: "{{ cluster }}" },
          { cluster: 3 },
          {},
        ] as JsonObject[]
      ).map((r) => clusterOfRequest(r)),
    ).toEqual(["a", null, null, null, null]);
    expect(clusterOfRequest(undefined)).toBeNull();
  });
});
