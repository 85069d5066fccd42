import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";

import { ClusterView } from "@/components/cluster/cluster-view";
import { clusterNameSchema } from "@/lib/ecs/params";
import { clusterQueryOptions } from "@/components/cluster/queries";
import { resolveRegion } from "@/lib/ecs/region";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getClusterSnapshot } from "@/lib/ecs";
import { getQueryClient } from "@/lib/query-client";
import { IntentLink } from "@/components/ui/intent-link";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function ClusterPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const region = await resolveRegion((await searchParams).region);
  const back = (
    <IntentLink
      href={`/clusters?region=${encodeURIComponent(region)}`}
      className="text-sm text-primary hover:underline"
    >
      ← All clusters in {region}
    </IntentLink>
  );
  if (!clusterNameSchema.safeParse(name).success) {
    return (
      <>
        <PageHeader title={name} actions={back} />
        <Alert tone="destructive" title="Not a valid ECS cluster name">
          Cluster names use letters, digits, hyphens and underscores.
        </Alert>
      </>
    );
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...clusterQueryOptions(region, name),
    queryFn: () => getClusterSnapshot({ region, cluster: name }),
  });
  return (
    <>
      <PageHeader title={name} description={`ECS cluster in ${region}`} actions={back} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        {/* useSearchParams in the filters needs a Suspense boundary */}
        <Suspense>
          <ClusterView region={region} name={name} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
