/**
 * Seeds the local stack with the demo world: the ECS emulator (testing/seed/ecs.ts), the Prefect
 * server (testing/seed/prefect.ts) and a few runs of the demo pool (testing/seed/runs.ts).
 * Idempotent: seeding twice gives the same world.
 *   npx tsx testing/seed/index.ts [--demo]   (ports from POOLDECK_PREFECT_PORT / POOLDECK_MOTO_PORT)
 * `--demo` (or POOLDECK_DEMO_SEED=1, which npm run demo sets) points the pools' templates at the
 * seeded cluster, so the demo opens with every check running; the tests seed without it and keep
 * Prefect's default template.
 */
import { SEED, seedEcs } from "./ecs";
import { PREFECT_SEED, seedPrefect } from "./prefect";
import { holdTaskStatuses, RUNS_SEED, seedRuns } from "./runs";
import { errorMessage } from "@/lib/template/error-message";

const prefectApiUrl =
  process.env.PREFECT_API_URL ??
  `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? "4200"}/api`;
const ecsEndpoint =
  process.env.AWS_ENDPOINT_URL_ECS ??
  process.env.AWS_ENDPOINT_URL ??
  `http://127.0.0.1:${process.env.POOLDECK_MOTO_PORT ?? "5000"}`;

const demo = process.argv.includes("--demo") || process.env.POOLDECK_DEMO_SEED === "1";

async function main() {
  const started = Date.now();
  await seedEcs({ endpoint: ecsEndpoint, region: SEED.region });
  await seedPrefect({
    apiUrl: prefectApiUrl,
    cluster: SEED.cluster,
    asgProvider: SEED.providers.general.name,
    ...(demo ? { poolCluster: SEED.cluster } : {}),
  });
  if (demo) await holdTaskStatuses(ecsEndpoint);
  await seedRuns({ apiUrl: prefectApiUrl, endpoint: ecsEndpoint });
  console.log(
    `seeded in ${Date.now() - started} ms: ECS (${ecsEndpoint}) cluster ${SEED.cluster} and ${SEED.fargateCluster}; ` +
      `Prefect (${prefectApiUrl}) pools ${PREFECT_SEED.hybridPool}, ${PREFECT_SEED.pushPool}${demo ? ` on ${SEED.cluster}` : ""}, 3 deployments and ${RUNS_SEED.runs.length} runs`,
  );
}

main().catch((error: unknown) => {
  console.error(`seeding failed: ${errorMessage(error)}`);
  process.exit(1);
});
