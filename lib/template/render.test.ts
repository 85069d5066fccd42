import { describe, expect, it } from "vitest";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import { buildJobConfiguration, renderJobConfiguration } from "./render";
import type { BaseJobTemplate } from "./schema";
import { resolveVariables } from "./variables";

const template = defaultTemplate as unknown as BaseJobTemplate;

function withEnvDefault(env: Record<string, string>): BaseJobTemplate {
  const t = structuredClone(template);
  const props = t.variables.properties ?? {};
  props.env = { ...props.env, default: env };
  return t;
}

describe("renderJobConfiguration", () => {
  it("renders the default template with its defaults only", () => {
    const { values } = resolveVariables(template);
    const { configuration, unresolved } = renderJobConfiguration(template, values);
    expect(configuration).toEqual({
      task_definition: { containerDefinitions: [{}] },
      task_run_request: { launchType: "FARGATE", overrides: { containerOverrides: [{}] } },
      task_start_timeout_seconds: 300,
      task_watch_poll_interval: 5,
      auto_deregister_task_definition: false,
      match_latest_revision_in_family: false,
    });
    expect(unresolved).toEqual([]);
  });

  it("reports run-time placeholders from the template and from values, pointing at where they are written", () => {
    const t = structuredClone(template);
    t.job_configuration.cluster = "{{ prefect.variables.cluster }}";
    const { values, origins } = resolveVariables(t, {
      image: "{{ prefect.variables.registry }}/app:{{ $TAG }}",
    });
    const { unresolved } = renderJobConfiguration(t, values, { origins });
    expect(unresolved.map((p) => [p.kind, p.document, p.pointer, p.whole])).toEqual([
      ["prefect-variable", "job_variables", "/image", false],
      ["env", "job_variables", "/image", false],
      ["prefect-variable", "template", "/job_configuration/cluster", true],
    ]);
  });
});

describe("block document references", () => {
  it("reports {$ref: {block_document_id}} from a default and from the template as unresolved blocks", () => {
    const t = structuredClone(template);
    (t.variables.properties ?? {}).aws_credentials = {
      type: "object",
      default: { $ref: { block_document_id: "b-1" } },
    };
    (t.job_configuration.task_run_request as Record<string, unknown>).overrides = {
      secret: { $ref: { block_document_id: "b-2" } },
    };
    const built = buildJobConfiguration(t, {});
    expect(built.unresolved).toEqual([
      {
        name: "block_document_id b-2",
        raw: '{"$ref":{"block_document_id":"b-2"}}',
        kind: "block",
        pointer: "/job_configuration/task_run_request/overrides/secret",
        whole: true,
        document: "template",
      },
      {
        name: "block_document_id b-1",
        raw: '{"$ref":{"block_document_id":"b-1"}}',
        kind: "block",
        pointer: "/variables/properties/aws_credentials/default",
        whole: true,
        document: "template",
      },
    ]);
    expect(built.configuration.aws_credentials).toEqual({ $ref: { block_document_id: "b-1" } });
  });
});

describe("buildJobConfiguration (from_template_and_values)", () => {
  it("merges default env and deployment env key by key into job_configuration.env", () => {
    const built = buildJobConfiguration(withEnvDefault({ SHARED: "default", D: "d" }), {
      env: { SHARED: "deployment", J: "j" },
    });
    expect(built.configuration.env).toEqual({ SHARED: "deployment", D: "d", J: "j" });
    // the RunTask override's "{{ env }}" sees the deployment's env only; the worker adds the rest later
    expect(built.values.env).toEqual({ SHARED: "deployment", J: "j" });
    const overrides = (
      built.configuration.task_run_request as { overrides: { containerOverrides: unknown[] } }
    ).overrides;
    expect(overrides.containerOverrides).toEqual([
      { environment: { SHARED: "deployment", J: "j" } },
    ]);
  });

  it("points run-time placeholders in merged env entries at the default or the job variable", () => {
    const built = buildJobConfiguration(
      withEnvDefault({ TOKEN: "{{ prefect.blocks.secret.token }}" }),
      {
        env: { HOME_DIR: "{{ $HOME }}" },
      },
    );
    expect(built.unresolved.map((p) => [p.document, p.pointer])).toEqual([
      ["template", "/variables/properties/env/default/TOKEN"],
      ["job_variables", "/env/HOME_DIR"],
    ]);
  });
});
