"use server";

import { z } from "zod";
import { authorize } from "@/lib/actions/action-client";
import { defaultRegion, getClusterSnapshot } from "@/lib/ecs";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";

const clusterName = z.string().max(2048);

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
