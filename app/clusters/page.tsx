import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";

import { ClusterList } from "@/components/cluster/cluster-list";
import { clustersQueryOptions } from "@/components/cluster/queries";
import { RegionPicker } from "@/components/cluster/region-picker";
import { resolveRegion } from "@/lib/ecs/region";
import { PageHeader } from "@/components/ui/page-header";
import { listClusters } from "@/lib/ecs";
import { getQueryClient } from "@/lib/query-client";

export const metadata: Metadata = { title: "Clusters" };
export const dynamic = "force-dynamic";

export default async function ClustersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const region = await resolveRegion((await searchParams).region);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...clustersQueryOptions(region),
    queryFn: () => listClusters(region),
  });
  return (
    <>
      <PageHeader
        title="Clusters"
        description="ECS clusters of a region: where a work pool's flow runs can be placed."
        actions={<RegionPicker region={region} basePath="/clusters" />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClusterList region={region} />
      </HydrationBoundary>
    </>
  );
}
