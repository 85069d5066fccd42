/**
 * The Prefect client and ECS context of the commands that read (runs, export, diff, apply): the
 * configuration the dashboard reads (PREFECT_API_URL and its credentials) and the AWS SDK's
 * default credential chain. Loaded late, so `check` and `render` never load the SDKs.
 */
import type { EcsContext } from "@/lib/ecs/context";
import type { PrefectClient } from "@/lib/prefect/client";

import { UsageError } from "./input";

/** The configured Prefect; a configuration problem is unusable input (exit 2). */
export async function prefectFromEnv(): Promise<PrefectClient> {
  const { parseConfig, ConfigError } = await import("@/lib/env/schema");
  const { createPrefectClient } = await import("@/lib/prefect/client");
  try {
    const config = parseConfig(process.env);
    return createPrefectClient(config.prefect, { timeoutMs: config.timeouts.prefectMs });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * An ECS context on the SDK's default credentials (and AWS_ENDPOINT_URL(_ECS) when set), with the
 * dashboard's deadlines (POOLDECK_AWS_TIMEOUT_MS).
 */
export async function ecsFromEnv(): Promise<EcsContext> {
  const { awsDeadlines, createEcsContext } = await import("@/lib/ecs/context");
  const { parseTimeouts } = await import("@/lib/env/schema");
  const { ECSClient } = await import("@aws-sdk/client-ecs");
  const deadlines = awsDeadlines(parseTimeouts(process.env));
  // one attempt per SDK call: lib/ecs retries itself
  return createEcsContext({
    client: (region) => new ECSClient({ region, maxAttempts: 1, ...deadlines }),
  });
}
