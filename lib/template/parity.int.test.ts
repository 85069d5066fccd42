/**
 * Parity with the real thing: every corpus case is answered by Prefect's own Python code from
 * .venv (testing/parity/run_prefect.py, one process for the whole corpus) and by
 * lib/template, and the answers must be identical, including key order.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { emptySnapshot } from "@/testing/snapshot";
import { applyValues, NOT_SET } from "./apply-values";
import { prepareEcsRun } from "./ecs-run";
import { placeholdersInString } from "./placeholders";
import { buildJobConfiguration } from "./render";
import type { BaseJobTemplate } from "./schema";
import type { JsonObject, JsonValue } from "./types";
import {
  DEFAULT_VPC_TOKEN,
  parityCorpus,
  SUBNET_TOKEN,
  type ParityCase,
} from "@/testing/parity/corpus";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = `${root}.venv/bin/python`;
const script = fileURLToPath(new URL("../../testing/parity/run_prefect.py", import.meta.url));

interface PythonContext {
  registeredArn: string;
  baseEnvironment: Record<string, string>;
  prefectVersion: string | null;
  defaultVpcId?: string;
  defaultSubnets?: string[];
}
type PythonResult =
  { id: string; ok: true; result: JsonValue } | { id: string; ok: false; error: string };

let context: PythonContext;
const results = new Map<string, PythonResult>();

/** Every object key path in document order, so key-order differences show up readably. */
function keyOrder(value: JsonValue, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyOrder(v, `${path}/${i}`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      `${path}/${k}`,
      ...keyOrder(v, `${path}/${k}`),
    ]);
  }
  return [];
}

function expectIdentical(
  ours: JsonValue | undefined,
  theirs: JsonValue | undefined,
  what: string,
): void {
  expect(ours, `${what}: values differ from Prefect's`).toEqual(theirs);
  expect(keyOrder(ours ?? null), `${what}: key order differs from Prefect's`).toEqual(
    keyOrder(theirs ?? null),
  );
}

const PY_TYPES = {
  variable: "standard",
  block: "block_document",
  "prefect-variable": "variable",
  env: "env_var",
};

function ourPlaceholders(template: JsonValue): string[][] {
  const seen = new Map<string, string[]>();
  const walk = (v: JsonValue): void => {
    if (typeof v === "string") {
      for (const p of placeholdersInString(v)) seen.set(p.raw, [p.raw, p.name, PY_TYPES[p.kind]]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(template);
  return [...seen.values()];
}

const byCodePoint = (a: string[], b: string[]) => {
  const x = a.join("\u0000");
  const y = b.join("\u0000");
  const xs = Array.from(x);
  const ys = Array.from(y);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = (xs[i]?.codePointAt(0) ?? 0) - (ys[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return xs.length - ys.length;
};

function substituteTokens(value: JsonValue): JsonValue {
  if (typeof value === "string") {
    if (value === DEFAULT_VPC_TOKEN) return context.defaultVpcId ?? value;
    const subnets = context.defaultSubnets ?? [];
    for (let i = 0; i < subnets.length; i++)
      if (value === SUBNET_TOKEN(i)) return subnets[i] ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map(substituteTokens);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteTokens(v)]));
  }
  return value;
}

function snapshotWith(existing: JsonObject, arn: string): ClusterSnapshot {
  const containers = Array.isArray(existing.containerDefinitions)
    ? existing.containerDefinitions
    : [];
  return emptySnapshot({
    taskDefinitionFamilies: ["app"],
    taskDefinitions: [
      {
        arn,
        family: "app",
        revision: 3,
        status: "ACTIVE",
        compatibilities: (existing.requiresCompatibilities as string[]) ?? [],
        requiresCompatibilities: (existing.requiresCompatibilities as string[]) ?? [],
        networkMode: (existing.networkMode as string) ?? null,
        cpu: null,
        memory: null,
        containers: containers.map((c) => ({
          name: String((c as JsonObject).name),
          image: null,
          cpu: null,
          memory: null,
          memoryReservation: null,
          environmentNames: [],
        })),
      },
    ],
  });
}

function runWorker(c: Extract<ParityCase, { kind: "worker" }>) {
  const jobVariables = substituteTokens(c.job_variables) as JsonObject;
  const arn =
    typeof jobVariables.task_definition_arn === "string" ? jobVariables.task_definition_arn : "";
  return prepareEcsRun({
    template: c.base_job_template as unknown as BaseJobTemplate,
    jobVariables,
    mode: "hybrid",
    ...(c.existing_task_definition
      ? { snapshot: snapshotWith(c.existing_task_definition, arn) }
      : {}),
    network: { subnets: context.defaultSubnets ?? [] },
    flowRun: {
      flowRunId: "11111111-1111-4111-8111-111111111111",
      flowRunName: "brave-fox",
      flowId: "22222222-2222-4222-8222-222222222222",
      flowName: "etl-flow",
      deploymentId: "33333333-3333-4333-8333-333333333333",
      deploymentName: "nightly",
      deploymentUpdated: "2026-01-02T03:04:05+00:00",
      workPoolName: "ecs-pool",
      workPoolId: "44444444-4444-4444-8444-444444444444",
      workerName: "worker-1",
      workerId: "55555555-5555-4555-8555-555555555555",
      prefectVersion: context.prefectVersion ?? "",
      region: "us-east-1",
      baseEnvironment: context.baseEnvironment,
      registeredTaskDefinitionArn: context.registeredArn,
    },
  });
}

describe("parity with Prefect's own templating and the prefect-aws ECS worker", () => {
  beforeAll(() => {
    expect(existsSync(python), `${python} is missing: run scripts/setup first`).toBe(true);
    const run = spawnSync(python, [script], {
      input: JSON.stringify(parityCorpus),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, LANG: "C.UTF-8" },
    });
    expect(run.status, `run_prefect.py failed:\n${run.stderr}`).toBe(0);
    const parsed = JSON.parse(run.stdout) as { context: PythonContext; results: PythonResult[] };
    context = parsed.context;
    for (const r of parsed.results) results.set(r.id, r);
  });

  it("has a corpus of at least 100 distinct cases", () => {
    expect(parityCorpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(parityCorpus.map((c) => c.id)).size).toBe(parityCorpus.length);
  });

  it.each(parityCorpus.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const theirs = results.get(c.id);
    if (!theirs || !theirs.ok)
      throw new Error(
        `Prefect raised for ${c.id}: ${theirs && !theirs.ok ? theirs.error : "no result"}`,
      );
    const expected = theirs.result;
    if (c.kind === "find") {
      const sorted = [...(expected as string[][])].sort(byCodePoint);
      expect(ourPlaceholders(c.template).sort(byCodePoint)).toEqual(sorted);
    } else if (c.kind === "apply") {
      const ours = applyValues(c.template, c.values, {
        removeNotset: c.remove_notset ?? true,
        ...(c.env ? { env: c.env } : {}),
      });
      expectIdentical(ours === NOT_SET ? "__NOTSET__" : ours, expected, "apply_values");
    } else if (c.kind === "job") {
      const ours = buildJobConfiguration(
        c.base_job_template as unknown as BaseJobTemplate,
        c.job_variables,
      );
      expectIdentical(
        ours.configuration,
        (expected as JsonObject).configuration,
        "from_template_and_values",
      );
    } else {
      const plan = runWorker(c);
      const want = expected as {
        taskDefinition?: JsonObject;
        runTaskRequest?: JsonObject;
        failure?: string;
      };
      if (want.failure !== undefined) {
        expect(plan.workerFailures[0], "the worker fails the run with").toBe(want.failure);
        return;
      }
      expect(plan.workerFailures, "the worker does not fail this run").toEqual([]);
      if (want.taskDefinition) {
        expect(plan.taskDefinition.source).toBe("registered");
        if (plan.taskDefinition.source === "registered") {
          expectIdentical(
            plan.taskDefinition.definition,
            want.taskDefinition,
            "RegisterTaskDefinition",
          );
        }
      } else expect(plan.taskDefinition.source).toBe("existing");
      expectIdentical(plan.runTaskRequest, want.runTaskRequest, "RunTask");
    }
  });
});
