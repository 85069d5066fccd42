/**
 * fast-check arbitraries for fuzzing the check engine and the CLI: real base job templates
 * (Prefect's defaults) with random edits at random places, whole work pools around them, arbitrary
 * JSON, and job_variables mixing the templates' variable names with random keys. Edits favour
 * values the rules look at (launch types, network modes, placeholders, capacity providers).
 */
import fc from "fast-check";

import awsWorkerDefault from "@/lib/template/fixtures/prefect-aws-worker-default.json";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import defsDialect from "@/lib/template/fixtures/prefect-ecs-defs-dialect.json";
import asgStrategy from "@/cli/fixtures/asg-strategy-template.json";
import ec2Strategy from "@/cli/fixtures/ec2-strategy-template.json";
import type { JsonObject, JsonValue } from "@/lib/template/types";

/** The seed every property test uses, so a failure replays the same cases. */
export const FUZZ_SEED = 20_261_206;

const BASES: JsonObject[] = [
  ecsDefault,
  awsWorkerDefault,
  defsDialect,
  asgStrategy,
  ec2Strategy,
] as unknown as JsonObject[];

type Path = (string | number)[];

function pathsOf(value: JsonValue, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

const BASE_PATHS = BASES.map((b) => pathsOf(b).filter((p) => p.length > 0));

/** Values the rules read: launch types, network modes, placeholders, providers, odd numbers. */
const INTERESTING: JsonValue[] = [
  null,
  "",
  0,
  -1,
  0.5,
  1e21,
  256,
  512,
  1024,
  30720,
  true,
  [],
  {},
  "FARGATE",
  "FARGATE_SPOT",
  "EC2",
  "EXTERNAL",
  "awsvpc",
  "bridge",
  "host",
  "ENABLED",
  "DISABLED",
  "{{ launch_type }}",
  "{{ cpu }}",
  "{{ memory }}",
  "{{ network_configuration }}",
  "{{ capacity_provider_strategy }}",
  "{{ unknown_variable }}",
  "{{ ",
  "{{ prefect.variables.x }}",
  "arn:aws:ecs:us-east-1:123456789012:task-definition/flow:3",
  [{ capacityProvider: "FARGATE", weight: 1 }],
  [{ capacityProvider: "asg-main", weight: 0, base: 2 }],
  { awsvpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: "ENABLED" } },
  { type: "string", enum: ["FARGATE", "EC2"], default: "EC2" },
  { $ref: "#/definitions/missing" },
  { type: "integer", minimum: 10, default: 1 },
];

/** Any JSON value, often one the rules look at. */
export const valueArb: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue> },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

export type Edit =
  | { kind: "set"; at: number; value: JsonValue }
  | { kind: "delete"; at: number }
  | { kind: "add"; at: number; key: string; value: JsonValue };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom("launch_type", "capacityProviderStrategy", "networkMode", "default", "$ref"),
      fc.string({ maxLength: 8 }),
    ),
    value: valueArb,
  }),
);

function parentOf(root: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[key as number] : (node as JsonObject)[key as string];
  }
  return node;
}

function applyEdit(root: JsonObject, paths: Path[], edit: Edit): void {
  const path = paths[edit.at % paths.length]!;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== "object" || parent === undefined) return;
  const container = parent as Record<string | number, JsonValue>;
  if (edit.kind === "set") container[key] = edit.value;
  else if (edit.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
  } else {
    const target = container[key];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      (target as JsonObject)[edit.key] = edit.value;
    }
  }
}

/** One of the real base job templates, unedited (its variables schema compiles once). */
export const baseTemplateArb: fc.Arbitrary<JsonObject> = fc.constantFrom(...BASES);

/** Up to eight random edits, for applyEdits. */
export const editsArb: fc.Arbitrary<Edit[]> = fc.array(editArb, { maxLength: 8 });

/** A copy of `template` with `edits` applied at places taken from its own paths. */
export function applyEdits(
  template: JsonObject,
  edits: Edit[],
  paths = pathsOf(template),
): JsonObject {
  const copy = structuredClone(template);
  const places = paths.filter((p) => p.length > 0);
  for (const edit of edits) applyEdit(copy, places, edit);
  return copy;
}

/** A real base job template with up to eight random edits. */
export const editedTemplateArb: fc.Arbitrary<JsonObject> = fc
  .record({ base: fc.nat(BASES.length - 1), edits: editsArb })
  .map(({ base, edits }) => applyEdits(BASES[base]!, edits, BASE_PATHS[base]));

/** What a user might hand the checks as a template: mostly edited templates, some pools, some junk. */
export const templateDocumentArb: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 6, arbitrary: editedTemplateArb },
  {
    weight: 2,
    arbitrary: fc
      .record({
        type: fc.constantFrom("ecs", "ecs:push", "process", 7),
        base_job_template: fc.oneof(
          { weight: 4, arbitrary: editedTemplateArb as fc.Arbitrary<JsonValue> },
          { weight: 1, arbitrary: valueArb },
        ),
      })
      .map((pool) => pool as JsonValue),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue> },
);

const VARIABLE_NAMES = [
  ...new Set(
    BASES.flatMap((b) =>
      Object.keys(((b.variables as JsonObject | undefined)?.properties as JsonObject) ?? {}),
    ),
  ),
];

/** job_variables: the templates' variable names and random keys, with values the rules look at. */
export const jobVariablesArb: fc.Arbitrary<JsonValue> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom(...VARIABLE_NAMES), fc.string({ maxLength: 8 })),
      valueArb,
      { maxKeys: 6 },
    ) as fc.Arbitrary<JsonValue>,
  },
  { weight: 1, arbitrary: valueArb },
);

/** Text as typed or pasted: JSON documents, cut-off JSON, and arbitrary characters. */
export const documentTextArb: fc.Arbitrary<string> = fc.oneof(
  templateDocumentArb.map((v) => JSON.stringify(v, null, 2)),
  fc
    .tuple(
      templateDocumentArb.map((v) => JSON.stringify(v)),
      fc.nat(),
    )
    .map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.string({ maxLength: 200 }),
);
