/**
 * The parity corpus: template × variables cases that Prefect's own Python code (run_prefect.py)
 * and lib/template must answer identically. Deterministic: no clocks, no randomness.
 */
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import workerTemplate from "@/lib/template/fixtures/prefect-aws-worker-default.json";
import defsTemplate from "@/lib/template/fixtures/prefect-ecs-defs-dialect.json";
import type { JsonObject, JsonValue } from "@/lib/template/types";

export type ParityCase =
  | { id: string; kind: "find"; template: JsonValue }
  | {
      id: string;
      kind: "apply";
      template: JsonValue;
      values: JsonObject;
      remove_notset?: boolean;
      env?: Record<string, string>;
    }
  | { id: string; kind: "job"; base_job_template: JsonObject; job_variables: JsonObject }
  | {
      id: string;
      kind: "worker";
      base_job_template: JsonObject;
      job_variables: JsonObject;
      existing_task_definition?: JsonObject;
    };

/** Tokens the Python side replaces with moto's default VPC id and subnet ids before running. */
export const DEFAULT_VPC_TOKEN = "<<DEFAULT_VPC>>";
export const SUBNET_TOKEN = (i: number) => `<<SUBNET_${i}>>`;

const templates: Record<string, JsonObject> = {
  ecs: defaultTemplate as unknown as JsonObject,
  worker: workerTemplate as unknown as JsonObject,
  defs: defsTemplate as unknown as JsonObject,
};

function withDefaults(base: JsonObject, defaults: Record<string, JsonValue>): JsonObject {
  const t = structuredClone(base) as {
    variables: { properties: Record<string, JsonObject> };
  } & JsonObject;
  for (const [name, value] of Object.entries(defaults)) {
    t.variables.properties[name] = {
      ...(t.variables.properties[name] ?? { type: "string" }),
      default: value,
    };
  }
  return t;
}

function withJobConfiguration(base: JsonObject, patch: JsonObject): JsonObject {
  const t = structuredClone(base) as { job_configuration: JsonObject } & JsonObject;
  t.job_configuration = { ...t.job_configuration, ...patch };
  return t;
}

const findCases: ParityCase[] = [
  ...Object.entries(templates).map(([name, t]) => ({
    id: `find/${name}-default`,
    kind: "find" as const,
    template: t,
  })),
  ...[
    ["spacing", { a: "{{x}}", b: "{{  x  }}", c: "{{\tx\n}}", d: "{{ x}}" }],
    [
      "names",
      ["{{ a.b }}", "{{ a[0] }}", "{{ a-b }}", "{{ $HOME }}", "{{ a.b[2].c }}", "{{ _x1 }}"],
    ],
    ["unicode", { u: "{{ café }}", v: "{{ 変数 }}", w: "{{\u3000x\u3000}}", z: "{{ x\u200b }}" }],
    [
      "not-placeholders",
      ["{{ a b }}", "{{ }}", "{ { x } }", "{{ a+b }}", "{{ a/b }}", "{x}", "{{ a:b }}"],
    ],
    ["braces", ["{{{{ x }}}}", "{{ x }}}", "{{{ x }}", "}}{{ x }}{{"]],
    [
      "kinds",
      {
        b: "{{ prefect.blocks.secret.token }}",
        v: "x-{{ prefect.variables.image }}",
        e: "{{ $$HOME }}",
      },
    ],
    ["leaves", [1, 2.5, true, false, null, "plain", { n: null }, [[["{{ deep }}"]]]]],
    ["many-in-one", "{{ a }}-{{ b }}-{{ a }}-{{a}}"],
    ["dup-across", { x: "{{ a }}", y: ["{{ a }}", "{{ b }}"], z: { w: "{{ a }}" } }],
  ].map(([name, template]) => ({
    id: `find/${String(name)}`,
    kind: "find" as const,
    template: template as JsonValue,
  })),
];

const TYPED_VALUES: [string, JsonValue][] = [
  ["string", "ecr/app:1"],
  ["empty-string", ""],
  ["int", 42],
  ["negative-int", -7],
  ["zero", 0],
  ["big-int", 12345678901234],
  ["float", 2.5],
  ["small-float", 0.0001],
  ["tiny-float", 0.00001],
  ["tinier-float", 1.5e-7],
  ["float-digits", 123.456],
  ["negative-float", -0.5],
  ["float-third", 0.1 + 0.2],
  ["true", true],
  ["false", false],
  ["null", null],
  ["object", { b: 1, a: "x", n: null, t: true, l: [1, "y"] }],
  ["empty-object", {}],
  ["list", [1, "two", 3.5, null, false, { k: "v" }]],
  ["empty-list", []],
  ["quote-single", "it's"],
  ["quote-both", `it's "quoted"`],
  ["quote-double", `say "hi"`],
  ["backslash", "C:\\path\\n"],
  ["control", "line1\nline2\ttab\r\u0000\u007f"],
  ["unicode", "café ☕ 変数 😀"],
  ["unicode-odd", "a\u0085b\u00a0c\u200bd\u2028e\ud7ff"],
  ["nested-quotes", { "it's": ["a'b", 'a"b', "a'\"b"] }],
];

const applyCases: ParityCase[] = [
  ...TYPED_VALUES.map(([name, value]) => ({
    id: `apply/whole/${name}`,
    kind: "apply" as const,
    template: { k: "{{ v }}", list: ["{{ v }}"] },
    values: { v: value },
  })),
  ...TYPED_VALUES.map(([name, value]) => ({
    id: `apply/in-string/${name}`,
    kind: "apply" as const,
    template: { k: "value=[{{ v }}]", two: "{{ v }}{{ v }}" },
    values: { v: value },
  })),
  {
    id: "apply/missing/whole-removes-key",
    kind: "apply",
    template: { a: "{{ missing }}", b: "kept", c: { d: "{{ missing }}" } },
    values: {},
  },
  {
    id: "apply/missing/list-items-removed",
    kind: "apply",
    template: ["{{ missing }}", "x", "{{ there }}", ["{{ missing }}"], { k: "{{ missing }}" }],
    values: { there: 1 },
  },
  {
    id: "apply/missing/in-string-empty",
    kind: "apply",
    template: { a: "pre-{{ missing }}-post" },
    values: {},
  },
  {
    id: "apply/missing/keep-when-remove-notset-false",
    kind: "apply",
    template: { a: "{{ missing }}", b: ["{{ missing }}"], c: "pre-{{ missing }}-{{ x }}" },
    values: { x: 1 },
    remove_notset: false,
  },
  { id: "apply/missing/top-level-whole", kind: "apply", template: "{{ missing }}", values: {} },
  {
    id: "apply/null-value-kept",
    kind: "apply",
    template: { a: "{{ v }}", b: "x{{ v }}" },
    values: { v: null },
  },
  ...(
    [
      ["dotted", "{{ a.b }}", { a: { b: "deep" } }],
      ["bracket", "{{ l[1] }}", { l: ["zero", "one"] }],
      ["dot-index", "{{ l.1 }}", { l: ["zero", "one"] }],
      ["negative-index", "{{ l[-1] }}", { l: ["zero", "one"] }],
      ["out-of-range", "{{ l[5] }}", { l: ["zero"] }],
      ["underscore-index", "{{ l.1_0 }}", { l: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
      ["string-index", "{{ s.0 }}", { s: "hello" }],
      ["string-negative-index", "{{ s[-1] }}", { s: "héllo😀" }],
      ["string-key", "{{ s.x }}", { s: "hello" }],
      ["int-subscript", "{{ n.0 }}", { n: 5 }],
      ["numeric-dict-key", "{{ d.2026 }}", { d: { "2026": "year" } }],
      ["numeric-dict-key-missing", "{{ d.01 }}", { d: { "1": "one" } }],
      ["dash-key", "{{ my-var }}", { "my-var": "dash" }],
      ["dollar-inside", "{{ a$b }}", { a$b: "dollar" }],
      ["empty-segment", "{{ a..b }}", { a: { "": { b: "empty" } } }],
      ["deep-mixed", "{{ a.b[1].c }}", { a: { b: [{}, { c: [1, 2] }] } }],
      ["null-subscript", "{{ a.b }}", { a: null }],
      ["bool-subscript", "{{ a.0 }}", { a: true }],
    ] as [string, string, JsonObject][]
  ).flatMap(([name, placeholder, values]) => [
    { id: `apply/path/${name}`, kind: "apply" as const, template: { k: placeholder }, values },
    {
      id: `apply/path/${name}/in-string`,
      kind: "apply" as const,
      template: { k: `<${placeholder}>` },
      values,
    },
  ]),
  {
    id: "apply/env/set-and-unset",
    kind: "apply",
    template: {
      a: "{{ $POOLDECK_A }}",
      b: "x-{{ $POOLDECK_A }}-{{ $POOLDECK_UNSET }}",
      c: "{{ $POOLDECK_UNSET }}",
    },
    values: {},
    env: { POOLDECK_A: "alpha" },
  },
  {
    id: "apply/env/multiple-dollars",
    kind: "apply",
    template: { a: "{{ $$POOLDECK_A }}", b: "{{ $POOLDECK_A }}/{{ v }}" },
    values: { v: 3 },
    env: { POOLDECK_A: "alpha" },
  },
  {
    id: "apply/env/unset-keeps-when-remove-notset-false",
    kind: "apply",
    template: { a: "{{ $POOLDECK_UNSET }}", b: "x{{ $POOLDECK_UNSET }}" },
    values: {},
    env: {},
    remove_notset: false,
  },
  {
    id: "apply/runtime/blocks-and-variables-untouched",
    kind: "apply",
    template: {
      a: "{{ prefect.blocks.secret.token }}",
      b: "{{ prefect.variables.image }}",
      c: "{{ prefect.variables.registry }}/{{ image }}:{{ tag }}",
      d: ["{{ prefect.blocks.aws-credentials.prod }}"],
    },
    values: { image: "app", "prefect.variables.image": "not-used" },
  },
  {
    id: "apply/single-pass",
    kind: "apply",
    template: { a: "{{ x }} and {{ y }}", b: "{{ x }}" },
    values: { x: "{{ y }}", y: "Y" },
  },
  {
    id: "apply/spacing-variants-same-name",
    kind: "apply",
    template: { a: "{{x}}|{{ x }}|{{  x  }}", b: "{{\u3000x\u3000}}" },
    values: { x: "X" },
  },
  {
    id: "apply/proto-keys-are-plain-keys",
    kind: "apply",
    template: JSON.parse(
      '{"__proto__": "{{ x }}", "a": {"__proto__": 1, "b": "{{ x.__proto__ }}"}}',
    ) as JsonValue,
    values: JSON.parse('{"x": {"__proto__": "y"}}') as JsonObject,
  },
  {
    id: "apply/non-string-leaves",
    kind: "apply",
    template: { a: 1, b: 2.5, c: true, d: null, e: [false, 0, ""], f: {} },
    values: { a: "unused" },
  },
  {
    id: "apply/whole-values-keep-type",
    kind: "apply",
    template: { cpu: "{{ cpu }}", strategy: "{{ s }}", flag: "{{ f }}", env: "{{ env }}" },
    values: {
      cpu: 512,
      s: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
      f: false,
      env: { A: "1" },
    },
  },
  {
    id: "apply/template-default-ecs",
    kind: "apply",
    template: (defaultTemplate as unknown as JsonObject).job_configuration as JsonObject,
    values: {
      image: "app:1",
      cpu: 512,
      memory: 1024,
      env: { A: "1" },
      launch_type: "EC2",
      labels: { team: "x" },
    },
  },
];

const JOB_VARIABLES: [string, JsonObject][] = [
  ["none", {}],
  ["image", { image: "123.dkr.ecr.us-east-1.amazonaws.com/app:1" }],
  ["cpu-memory", { cpu: 512, memory: 1024 }],
  ["cpu-memory-strings", { cpu: "512", memory: "1024" }],
  ["env", { env: { A: "1", B: "two" } }],
  ["env-null", { env: { A: null, B: "x" } }],
  ["env-non-string", { env: { N: 5, F: 2.5, T: true, O: { k: 1 } } }],
  ["env-dotted", { "env.FOO": "bar", "env.BAZ": "qux" }],
  ["env-dotted-and-plain", { "env.FOO": "dotted", env: { FOO: "plain", BAR: "b" } }],
  ["labels", { labels: { team: "data eng", "cost/center": "42" } }],
  ["launch-ec2", { launch_type: "EC2" }],
  ["launch-fargate-spot", { launch_type: "FARGATE_SPOT" }],
  ["launch-null", { launch_type: null }],
  ["strategy", { capacity_provider_strategy: [{ capacityProvider: "asg-1", weight: 1, base: 0 }] }],
  [
    "strategy-and-ec2",
    {
      launch_type: "EC2",
      capacity_provider_strategy: [{ capacityProvider: "asg-1", weight: 2, base: 1 }],
    },
  ],
  ["strategy-empty", { capacity_provider_strategy: [] }],
  [
    "task-definition-arn",
    { task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3" },
  ],
  [
    "network",
    {
      vpc_id: "vpc-123",
      network_configuration: { subnets: ["subnet-1"], assignPublicIp: "DISABLED" },
    },
  ],
  ["command", { command: "python -m app --name 'a b'" }],
  ["cluster-family", { cluster: "prod", family: "etl" }],
  [
    "cloudwatch",
    { configure_cloudwatch_logs: true, execution_role_arn: "arn:aws:iam::1:role/exec" },
  ],
  ["unknown-variable", { not_in_schema: { x: 1 } }],
  ["null-everything", { image: null, cpu: null, env: null, labels: null }],
  ["container-name", { container_name: "app" }],
  ["dotted-nested", { "network_configuration.awsvpcConfiguration.subnets": ["s-1"] }],
];

const jobTemplates: [string, JsonObject][] = [
  ["ecs", templates.ecs as JsonObject],
  ["worker", templates.worker as JsonObject],
  ["defs", templates.defs as JsonObject],
];

const jobCases: ParityCase[] = [
  // every job-variables set against Prefect's default ECS template ...
  ...JOB_VARIABLES.map(([name, jv]) => ({
    id: `job/ecs/${name}`,
    kind: "job" as const,
    base_job_template: templates.ecs as JsonObject,
    job_variables: jv,
  })),
  // ... and a handful against the two other dialects
  ...jobTemplates.slice(1).flatMap(([tname, t]) =>
    JOB_VARIABLES.filter(([n]) =>
      ["none", "env", "env-null", "launch-null", "strategy", "null-everything"].includes(n),
    ).map(([name, jv]) => ({
      id: `job/${tname}/${name}`,
      kind: "job" as const,
      base_job_template: t,
      job_variables: jv,
    })),
  ),
  {
    id: "job/env-default-merged-with-deployment-env",
    kind: "job",
    base_job_template: withDefaults(templates.ecs as JsonObject, {
      env: { FROM_DEFAULT: "d", SHARED: "default" },
    }),
    job_variables: { env: { SHARED: "deployment", FROM_DEPLOYMENT: "x" } },
  },
  {
    id: "job/env-default-only",
    kind: "job",
    base_job_template: withDefaults(templates.ecs as JsonObject, { env: { FROM_DEFAULT: "d" } }),
    job_variables: {},
  },
  {
    id: "job/env-literal-dict-in-template",
    kind: "job",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      env: { LITERAL: "l", IMG: "{{ image }}" },
    }),
    job_variables: { image: "app", env: { DEP: "d" } },
  },
  {
    id: "job/env-literal-and-default",
    kind: "job",
    base_job_template: withDefaults(
      withJobConfiguration(templates.ecs as JsonObject, {
        env: { LITERAL: "l", SHARED: "literal" },
      }),
      { env: { SHARED: "default", D: "{{ image }}" } },
    ),
    job_variables: { image: "img" },
  },
  {
    id: "job/null-defaults-dropped",
    kind: "job",
    base_job_template: withDefaults(templates.ecs as JsonObject, {
      image: null,
      cpu: null,
      cluster: "prod",
    }),
    job_variables: {},
  },
  {
    id: "job/defaults-of-every-type",
    kind: "job",
    base_job_template: withDefaults(templates.ecs as JsonObject, {
      cpu: 256,
      memory: 512,
      image: "img:latest",
      labels: { a: "b" },
      capacity_provider_strategy: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }],
      configure_cloudwatch_logs: false,
    }),
    job_variables: { memory: 2048 },
  },
  {
    id: "job/in-string-placeholders",
    kind: "job",
    base_job_template: withJobConfiguration(
      withDefaults(templates.ecs as JsonObject, { image: "app", tag: "v1" }),
      {
        name: "{{ image }}-{{ tag }}-{{ cpu }}",
        cluster: "arn:aws:ecs:us-east-1:1:cluster/{{ cluster }}",
      },
    ),
    job_variables: { cpu: 256, cluster: "c" },
  },
];

const FLOW_JOB_VARIABLES: [string, JsonObject][] = [
  ["none", {}],
  ["image-cpu", { image: "app:1", cpu: 512, memory: 1024 }],
  ["ec2", { launch_type: "EC2", cpu: 512, memory: 1024 }],
  ["ec2-string-cpu", { launch_type: "EC2", cpu: "1 vCPU" }],
  ["fargate-spot", { launch_type: "FARGATE_SPOT" }],
  [
    "strategy-default-launch-type",
    { capacity_provider_strategy: [{ capacityProvider: "asg-1", weight: 1, base: 0 }] },
  ],
  [
    "strategy-and-ec2",
    {
      launch_type: "EC2",
      capacity_provider_strategy: [{ capacityProvider: "asg-1", weight: 1, base: 0 }],
    },
  ],
  [
    "strategy-and-fargate-spot",
    {
      launch_type: "FARGATE_SPOT",
      capacity_provider_strategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    },
  ],
  ["launch-null", { launch_type: null }],
  ["env-and-unset", { env: { APP: "1", PREFECT__FLOW_NAME: "overridden", GONE: null } }],
  ["command", { command: "python -m app --name 'a b' \"c d\"" }],
  ["labels-slugified", { labels: { "team name": "data eng!", "cost/center": "r&amp;d" } }],
  [
    "cluster-family-role",
    { cluster: "prod", family: "etl", task_role_arn: "arn:aws:iam::1:role/task" },
  ],
  [
    "cloudwatch",
    { configure_cloudwatch_logs: true, execution_role_arn: "arn:aws:iam::1:role/exec" },
  ],
  [
    "cloudwatch-options",
    {
      configure_cloudwatch_logs: true,
      execution_role_arn: "arn:aws:iam::1:role/exec",
      cloudwatch_logs_prefix: "pre",
      cloudwatch_logs_options: { "awslogs-group": "mine" },
    },
  ],
  ["cloudwatch-without-role", { configure_cloudwatch_logs: true }],
  ["network-without-vpc", { network_configuration: { subnets: ["subnet-1"] } }],
  [
    "network-with-vpc",
    {
      vpc_id: DEFAULT_VPC_TOKEN,
      network_configuration: {
        subnets: [SUBNET_TOKEN(0)],
        securityGroups: [],
        assignPublicIp: "DISABLED",
      },
    },
  ],
  ["vpc-only", { vpc_id: DEFAULT_VPC_TOKEN }],
  ["container-name-missing", { container_name: "app" }],
  ["container-name-default", { container_name: "prefect" }],
  ["auto-deregister", { auto_deregister_task_definition: true }],
  ["memory-only", { memory: 4096 }],
];

const workerCases: ParityCase[] = [
  ...FLOW_JOB_VARIABLES.map(([name, jv]) => ({
    id: `worker/ecs/${name}`,
    kind: "worker" as const,
    base_job_template: templates.ecs as JsonObject,
    job_variables: jv,
  })),
  ...["none", "ec2", "fargate-spot", "strategy-default-launch-type", "env-and-unset"].map(
    (name) => ({
      id: `worker/installed/${name}`,
      kind: "worker" as const,
      base_job_template: templates.worker as JsonObject,
      job_variables: FLOW_JOB_VARIABLES.find(([n]) => n === name)?.[1] ?? {},
    }),
  ),
  {
    id: "worker/ecs/ec2-task-definition-no-launch-type",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: {
        containerDefinitions: [{ image: "{{ image }}", name: "prefect" }],
        requiresCompatibilities: ["EC2"],
        networkMode: "bridge",
        family: "{{ family }}",
      },
    }),
    job_variables: { launch_type: "", image: "app" },
  },
  {
    id: "worker/ecs/sidecar-and-literal-env",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: {
        containerDefinitions: [
          {
            name: "sidecar",
            image: "envoy",
            essential: false,
            environment: [{ name: "X", value: null }],
          },
          { image: "{{ image }}", environment: [{ name: "KEEP", value: "k" }] },
        ],
        cpu: "{{ cpu }}",
        memory: "{{ memory }}",
        family: "{{ family }}",
      },
    }),
    job_variables: { image: "app", cpu: 256, memory: 512 },
  },
  {
    id: "worker/ecs/task-definition-arn-unknown",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: {
      task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3",
      env: { A: "1" },
    },
  },
  {
    id: "worker/ecs/task-definition-arn-ec2",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: {
      task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3",
      launch_type: "",
    },
    existing_task_definition: {
      requiresCompatibilities: ["EC2"],
      networkMode: "bridge",
      containerDefinitions: [{ name: "app" }],
    },
  },
  {
    id: "worker/ecs/task-definition-arn-fargate-strategy",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: {
      task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3",
      capacity_provider_strategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
    },
    existing_task_definition: {
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      containerDefinitions: [{ name: "prefect" }],
    },
  },
  {
    id: "worker/installed/api-key-secret",
    kind: "worker",
    base_job_template: templates.worker as JsonObject,
    job_variables: {
      prefect_api_key_secret_arn: "arn:aws:secretsmanager:us-east-1:1:secret:key",
      prefect_api_auth_string_secret_arn: "arn:aws:secretsmanager:us-east-1:1:secret:auth",
      env: { PREFECT_API_KEY: "pnu_x", PREFECT_API_AUTH_STRING: "u:p", KEEP: "1" },
    },
  },
  {
    id: "worker/ecs/labels-override-run-labels",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: { labels: { "prefect.io/flow-run-name": "mine", "x y": "z" } },
  },
  {
    id: "worker/ecs/literal-request-pieces",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_run_request: {
        launchType: "{{ launch_type }}",
        cluster: "{{ cluster }}",
        tags: [
          { key: "team", value: "a b" },
          { key: "prefect.io/flow-id", value: "replaced" },
        ],
        count: 1,
        enableExecuteCommand: false,
        platformVersion: "1.4.0",
        networkConfiguration: {
          awsvpcConfiguration: { subnets: ["subnet-literal"], assignPublicIp: "DISABLED" },
        },
      },
    }),
    job_variables: { cluster: "prod" },
  },
  {
    id: "worker/ecs/extra-container-overrides",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_run_request: {
        launchType: "{{ launch_type }}",
        overrides: {
          containerOverrides: [
            { name: "sidecar", command: "echo 'hi there'", environment: { S: "1", N: null } },
            { name: "{{ container_name }}", environment: [{ name: "E", value: "e" }] },
            {},
          ],
          cpu: "{{ cpu }}",
        },
      },
      task_definition: {
        containerDefinitions: [
          { name: "sidecar", image: "busybox" },
          { name: "{{ container_name }}", image: "{{ image }}" },
        ],
      },
    }),
    job_variables: { container_name: "main", image: "app", cpu: 256, env: { APP: "1" } },
  },
  {
    id: "worker/ecs/fargate-with-bridge-network",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: { containerDefinitions: [{ image: "{{ image }}" }], networkMode: "bridge" },
    }),
    job_variables: { image: "app" },
  },
  {
    id: "worker/ecs/cloudwatch-role-in-task-definition",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: {
        containerDefinitions: [{ image: "{{ image }}", name: "prefect" }],
        executionRoleArn: "arn:aws:iam::1:role/literal",
        family: "My Family!",
      },
    }),
    job_variables: { configure_cloudwatch_logs: true, image: "app" },
  },
  {
    id: "worker/ecs/no-overrides-section",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_run_request: { launchType: "{{ launch_type }}", cluster: "{{ cluster }}" },
    }),
    job_variables: { launch_type: "EC2" },
  },
  {
    id: "worker/ecs/zero-and-false-in-task-definition",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: {
        containerDefinitions: [
          {
            image: "x",
            name: "prefect",
            essential: true,
            readonlyRootFilesystem: false,
            portMappings: [],
            links: [""],
          },
        ],
        ephemeralStorage: { sizeInGiB: 0 },
        volumes: [],
        placementConstraints: [{}],
        cpu: "{{ cpu }}",
      },
    }),
    job_variables: { launch_type: "EC2", cpu: 0 },
  },
  {
    id: "worker/ecs/tags-with-entities-and-unicode",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: { labels: { "owner's": "R&amp;D 1,000 ﬁ", "é/x": "&#x41;&lt;" } },
  },
  {
    id: "worker/ecs/command-unclosed-quote",
    kind: "worker",
    base_job_template: templates.ecs as JsonObject,
    job_variables: { command: "python -c 'print(1)" },
  },
  {
    id: "worker/ecs/all-containers-non-essential",
    kind: "worker",
    base_job_template: withJobConfiguration(templates.ecs as JsonObject, {
      task_definition: {
        containerDefinitions: [{ name: "prefect", image: "x", essential: false }],
      },
    }),
    job_variables: {},
  },
];

/** The whole corpus, in a stable order. */
export const parityCorpus: ParityCase[] = [
  ...findCases,
  ...applyCases,
  ...jobCases,
  ...workerCases,
];
