"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { PoolDeployments } from "@/components/pools/pool-deployments";
import { authorize } from "@/lib/actions/action-client";
import { defaultRegion, getClusterSnapshot } from "@/lib/ecs";
import { getPrefectClient } from "@/lib/prefect/client";
import { readWorkPool } from "@/lib/prefect/work-pools";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";

const clusterName = z.string().max(2048);
const poolNameInput = z.string().min(1).max(2048);

/** Reads a cluster's snapshot for the template editor; AWS failures come back as a sentence. */
export async function loadClusterSnapshot(
  cluster: string,
): Promise<{ ok: true; snapshot: ClusterSnapshot } | { ok: false; error: string }> {
  if (!(await authorize("viewer"))) {
    return { ok: false, error: "You are not signed in, or your session has ended. Sign in again." };
  }
  const parsed = clusterName.safeParse(cluster);
  if (!parsed.success) return { ok: false, error: "The cluster name is not valid." };
  const name = parsed.data.trim() || "default";
  try {
    const result = await getClusterSnapshot({ region: defaultRegion(), cluster: name });
    if (result.snapshot) return { ok: true, snapshot: result.snapshot };
    return {
      ok: false,
      error: result.sections.cluster.error?.message ?? `Cluster ${name} could not be read.`,
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The pool page's deployments section (each deployment's job_variables, effective configuration
 * and verdict against its cluster), rendered on the server and sent as React elements. The page
 * asks for it once the editor is interactive: its cluster snapshots and checks cost ~100 ms of
 * server time on a cold cache, which delayed the editor when they were part of the page's stream
 * (BENCHMARKS.md, form editable).
 */
export async function loadPoolDeployments(
  poolName: string,
): Promise<{ ok: true; section: ReactNode } | { ok: false; error: string }> {
  if (!(await authorize("viewer"))) {
    return { ok: false, error: "You are not signed in, or your session has ended. Sign in again." };
  }
  const parsed = poolNameInput.safeParse(poolName);
  if (!parsed.success) return { ok: false, error: "The pool name is not valid." };
  const client = getPrefectClient();
  try {
    const pool = await readWorkPool(client, parsed.data);
    return { ok: true, section: <PoolDeployments client={client} pool={pool} /> };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
