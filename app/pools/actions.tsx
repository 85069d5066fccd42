"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { PoolDeployments } from "@/components/pools/pool-deployments";
import { ActionRefusal, defineAction } from "@/lib/actions/action-client";
import { poolName } from "@/lib/actions/inputs";
import { readSnapshot } from "@/lib/ecs";
import { getPrefectClient } from "@/lib/prefect/client";
import { readWorkPool } from "@/lib/prefect/work-pools";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";

/** Reads a cluster's snapshot for the template editor; AWS failures come back as a sentence. */
export const loadClusterSnapshot = defineAction({
  role: "viewer",
  input: z.string().trim().min(1).max(2048),
  handler: async (cluster): Promise<ClusterSnapshot> => {
    const read = await readSnapshot({ cluster });
    if ("snapshot" in read) return read.snapshot;
    throw new ActionRefusal({ ok: false, error: read.problem });
  },
});

/**
 * The pool page's deployments section (each deployment's job_variables, effective configuration
 * and verdict against its cluster), rendered on the server and sent as React elements. The page
 * asks for it once the editor is interactive: its cluster snapshots and checks cost ~100 ms of
 * server time on a cold cache, which delayed the editor when they were part of the page's stream
 * (BENCHMARKS.md, form editable).
 */
export const loadPoolDeployments = defineAction({
  role: "viewer",
  input: poolName,
  handler: async (name): Promise<ReactNode> => {
    const client = getPrefectClient();
    const pool = await readWorkPool(client, name);
    return <PoolDeployments client={client} pool={pool} />;
  },
});
