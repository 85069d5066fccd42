/**
 * Registration prediction benchmark: 200 deployments over 50 task definition families (each with
 * 1–3 ACTIVE revisions) in a moto server of its own; predictPoolRegistrations for all of them,
 * cold and warm (the server cache), with the AWS calls by operation. The claim: one
 * DescribeTaskDefinition per family, not per deployment. Run alone:
 * `node --conditions=react-server --import tsx scripts/bench/registration.ts`.
 */
import { countingClient } from "./counting-client";
import { ECSClient, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";

import { createEcsContext } from "@/lib/ecs/context";
import { predictPoolRegistrations } from "@/lib/registration/pool-predictions";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";
import { emulatorClientConfig } from "@/testing/seed/ecs";

import { startPrivateMoto } from "@/testing/private-moto";

const REGION = "us-east-1";
const FAMILIES = 50;
const DEPLOYMENTS = 200;

export interface RegistrationBenchResult {
  families: number;
  deployments: number;
  cold: { calls: Record<string, number>; ms: number };
  warm: { calls: Record<string, number>; ms: number };
  kinds: Record<string, number>;
}

export async function runRegistrationBench(): Promise<RegistrationBenchResult> {
  const moto = await startPrivateMoto();
  try {
    const seed = new ECSClient(emulatorClientConfig(moto.endpoint, REGION));
    const families = Array.from({ length: FAMILIES }, (_, i) => `bench-family-${i}`);
    for (const [i, family] of families.entries()) {
      for (let r = 0; r <= i % 3; r++) {
        await seed.send(
          new RegisterTaskDefinitionCommand({
            family,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: "1024",
            memory: "2048",
            containerDefinitions: [
              { name: "prefect", image: `prefecthq/prefect:3.9.1-python3.11` },
            ],
          }),
        );
      }
    }
    const deployments = Array.from({ length: DEPLOYMENTS }, (_, i) => ({
      id: `deployment-${i}`,
      name: `flow/deployment-${i}`,
      jobVariables: { family: families[i % FAMILIES]!, match_latest_revision_in_family: true },
    }));
    const counting = countingClient(moto.endpoint, REGION);
    const ctx = createEcsContext(counting.clients);
    const pool = {
      name: "bench",
      template: defaultTemplate as unknown as JsonObject,
      mode: "hybrid" as const,
    };
    let t = performance.now();
    const views = await predictPoolRegistrations(pool, deployments, { region: REGION, ctx });
    const cold = { calls: counting.take(), ms: performance.now() - t };
    t = performance.now();
    await predictPoolRegistrations(pool, deployments, { region: REGION, ctx });
    const warm = { calls: counting.take(), ms: performance.now() - t };
    const kinds: Record<string, number> = {};
    for (const v of views.values()) {
      const key = v.headline.replace(/bench-family-\d+:\d+/, "<family>:<n>");
      kinds[key] = (kinds[key] ?? 0) + 1;
    }
    return { families: FAMILIES, deployments: DEPLOYMENTS, cold, warm, kinds };
  } finally {
    moto.stop();
  }
}

export function formatRegistrationBench(r: RegistrationBenchResult): string {
  const calls = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([op, n]) => `${op} ${n}`)
      .join(", ") || "none (server cache)";
  return [
    `${r.deployments} deployments over ${r.families} families (1–3 ACTIVE revisions each), match_latest on`,
    `cold: ${calls(r.cold.calls)}; ${r.cold.ms.toFixed(0)} ms`,
    `warm: ${calls(r.warm.calls)}; ${r.warm.ms.toFixed(0)} ms`,
    `DescribeTaskDefinition per family: ${((r.cold.calls.DescribeTaskDefinition ?? 0) / r.families).toFixed(2)} (per deployment it would be ${(r.deployments / r.families).toFixed(0)})`,
    `verdicts: ${Object.entries(r.kinds)
      .map(([k, n]) => `${n} × "${k}"`)
      .join(", ")}`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runRegistrationBench().then(
    (r) => console.log(formatRegistrationBench(r)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
