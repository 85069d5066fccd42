import "server-only";

import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

import { getConfig } from "@/lib/env/server";
import { awsDeadlines, serverEcsContext } from "@/lib/ecs/context";
import { toEcsError, type EcsError } from "@/lib/ecs/errors";

export type AwsStatus =
  | {
      ok: true;
      region: string;
      /** the emulator or VPC endpoint in use; null for AWS's public endpoint */
      endpoint: string | null;
      /** the caller's ARN, or null where STS is not reachable (a private ECS endpoint, an emulator without STS) */
      identity: string | null;
      account: string | null;
      clusterCount: number;
      clusterCountIsLowerBound: boolean;
    }
  | { ok: false; region: string; endpoint: string | null; error: EcsError };

async function callerIdentity(
  region: string,
): Promise<{ arn: string | null; account: string | null }> {
  const { aws } = getConfig();
  const sts = new STSClient({
    region,
    endpoint: aws.ecsEndpoint,
    maxAttempts: 1,
    ...awsDeadlines(),
  });
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { arn: out.Arn ?? null, account: out.Account ?? null };
  } catch {
    // Identity is informative only; ECS access is what the dashboard needs and is checked below.
    return { arn: null, account: null };
  } finally {
    sts.destroy();
  }
}

/** Whether ECS answers in the configured region, as whom, and how many clusters it sees (first page). */
export async function getAwsStatus(): Promise<AwsStatus> {
  const { aws } = getConfig();
  const region = aws.region ?? "us-east-1";
  const endpoint = aws.ecsEndpoint ?? null;
  try {
    const [page, who] = await Promise.all([
      serverEcsContext()
        .client(region)
        .send(new ListClustersCommand({ maxResults: 100 })),
      callerIdentity(region),
    ]);
    const count = page.clusterArns?.length ?? 0;
    return {
      ok: true,
      region,
      endpoint,
      identity: who.arn,
      account: who.account,
      clusterCount: count,
      clusterCountIsLowerBound: Boolean(page.nextToken),
    };
  } catch (err) {
    const error = toEcsError(err, "ListClusters");
    if (error.kind === "endpoint-unreachable" && endpoint) {
      error.message = `The ECS endpoint ${endpoint} did not answer. If it is the local emulator, start it with \`npm run stack:start\`.`;
    }
    return { ok: false, region, endpoint, error };
  }
}
