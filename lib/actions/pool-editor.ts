"use server";

import { z } from "zod";
import { readSnapshot } from "@/lib/ecs";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { ActionRefusal, defineAction } from "./action-client";

/** Reads a cluster's snapshot for the template editor; AWS failures come back as a sentence. */
export const loadClusterSnapshot = defineAction({
  name: "loadClusterSnapshot",
  role: "viewer",
  input: z.string().trim().min(1).max(2048),
  handler: async (cluster): Promise<ClusterSnapshot> => {
    const read = await readSnapshot({ cluster });
    if ("snapshot" in read) return read.snapshot;
    throw new ActionRefusal({ ok: false, error: read.problem });
  },
});
