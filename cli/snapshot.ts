/**
 * `pooldeck snapshot`: reads one ECS cluster with the dashboard's own lib/ecs and prints the
 * ClusterSnapshot JSON that `pooldeck check --snapshot` reads. Needs the react-server condition
 * (cli/bin.mjs sets it) because lib/ecs is server-only.
 */
import { parseArgs } from "node:util";

import type { EcsContext } from "@/lib/ecs";
import { clusterSnapshotSchema } from "@/lib/snapshot/schema";

export interface SnapshotIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: SnapshotIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** Runs `pooldeck snapshot --cluster <name> [--region r] [--family f]...`; returns the exit code (0 ok, 1 AWS failure, 2 usage). */
export async function runSnapshot(
  args: string[],
  io: SnapshotIo = processIo,
  ctx?: EcsContext,
): Promise<number> {
  let values: { cluster?: string; region?: string; family?: string[] };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        cluster: { type: "string" },
        region: { type: "string" },
        family: { type: "string", multiple: true },
      },
    }));
  } catch (err) {
    io.stderr(`pooldeck snapshot: ${(err as Error).message}\n`);
    return 2;
  }
  if (!values.cluster) {
    io.stderr("pooldeck snapshot: missing --cluster <name>\n");
    return 2;
  }
  // imported late so `check` and `render` never load the AWS SDK
  const { readSnapshot, defaultRegion } = await import("@/lib/ecs");
  const { countFamilyRevisions } = await import("@/lib/ecs/snapshot");
  const region = values.region ?? (ctx ? "us-east-1" : defaultRegion());
  const result = await readSnapshot(
    { region, cluster: values.cluster, describeFamilies: values.family ?? [] },
    { ctx, fresh: true },
  );
  if ("problem" in result) {
    io.stderr(
      `pooldeck snapshot: cannot read cluster ${values.cluster} in ${region}: ${result.problem}\n`,
    );
    return 1;
  }
  const failed = Object.entries(result.sections ?? {}).filter(([, s]) => s.error);
  for (const [section, status] of failed) {
    io.stderr(
      `pooldeck snapshot: warning: ${section} could not be read: ${status.error!.message}\n`,
    );
  }
  // each described family's revision count (ListTaskDefinitions paged); denied: left out, said why
  for (const td of result.snapshot.taskDefinitions) {
    const count = await countFamilyRevisions(region, td.family, { ctx, fresh: true });
    if (count.ok) td.revisionCount = count.data;
    else
      io.stderr(
        `pooldeck snapshot: warning: no revision count for ${td.family}: ${count.error.message}\n`,
      );
  }
  // the file must load in `pooldeck check --snapshot`, so hold it to the shared schema here
  const snapshot = clusterSnapshotSchema.parse(result.snapshot);
  io.stdout(JSON.stringify(snapshot, null, 2) + "\n");
  return failed.length ? 1 : 0;
}
