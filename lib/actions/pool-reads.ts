import "server-only";

import { getPrefectClient } from "@/lib/prefect/client";
import { isPrefectError } from "@/lib/prefect/errors";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { poolDeploymentVerdicts, type PoolDeploymentsData } from "@/lib/push/pool-deployments";
import { poolRunsLine, type PoolRunsLine } from "@/lib/runs/health";
import { loadPoolRuns } from "@/lib/runs/load";
import { errorMessage } from "@/lib/template/error-message";
import { ActionRefusal, defineAction } from "./action-client";
import { poolName } from "./inputs";

/*
 * The pool page's two reads asked for once the browser is idle, answered by route handlers
 * (app/api/pools/[name]/…) rather than as server actions: Next runs a page's server actions one at
 * a time, so a slow read (Prefect or ECS taking seconds) held back a push, a cluster's snapshot
 * and the other read queued behind it. A GET runs beside them. defineAction still checks the
 * session and the role, parses the input and writes the server log line.
 */

/**
 * A viewer's read of one pool for the pool page: Prefect's errors as they are (an unknown pool stays
 * a 404), any other failure in its own words.
 */
function definePoolRead<T>(name: string, read: (pool: string) => Promise<T>) {
  return defineAction({
    name,
    pool: (pool) => (typeof pool === "string" ? pool : undefined),
    role: "viewer",
    input: poolName,
    handler: async (pool): Promise<T> => {
      try {
        return await read(pool);
      } catch (error) {
        if (isPrefectError(error)) throw error;
        throw new ActionRefusal({ ok: false, error: errorMessage(error) });
      }
    },
  });
}

/**
 * The pool page's deployments section as data (each deployment's job_variables, effective
 * configuration and verdict against its cluster); the page asks for it once the editor is
 * interactive: its cluster snapshots and checks cost ~100 ms of server time on a cold cache, which
 * delayed the editor when they were part of the page's stream (BENCHMARKS.md, form editable).
 */
export const loadPoolDeployments = definePoolRead(
  "loadPoolDeployments",
  async (name): Promise<PoolDeploymentsData> => {
    const client = getPrefectClient();
    return poolDeploymentVerdicts(client, await readWorkPool(client, name));
  },
);

/**
 * The pool page's runs line (how the last 20 runs went, the workers' heartbeats). The page asks for
 * it at the browser's first idle moment, like the deployments: its Prefect and ECS reads then run
 * after the JSON editor is up instead of alongside the page's hydration (BENCHMARKS.md).
 */
export const loadPoolRunsLine = definePoolRead(
  "loadPoolRunsLine",
  async (name): Promise<PoolRunsLine> =>
    poolRunsLine(await loadPoolRuns(name, { limit: 20 }), new Date().toISOString()),
);
