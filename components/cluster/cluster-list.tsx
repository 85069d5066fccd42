"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";

import { EcsErrorAlert } from "./ecs-error-alert";
import { FetchedAt } from "./fetched-at";
import { num } from "./format";
import { clustersQueryOptions, ecsKeys, fetchClusters } from "./queries";
import { StrategyList } from "./strategy";
import { IntentLink } from "@/components/ui/intent-link";

export interface ClusterListProps {
  region: string;
}

/** The clusters of one region with their providers and default strategy. */
export function ClusterList({ region }: ClusterListProps) {
  const queryClient = useQueryClient();
  const query = useQuery(clustersQueryOptions(region));
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(
        ecsKeys.clusters(region),
        await fetchClusters(region, { fresh: true }),
      );
    } finally {
      setRefreshing(false);
    }
  };
  const result = query.data;
  return (
    <Card aria-labelledby="clusters-title">
      <CardHeader>
        <div>
          <CardTitle id="clusters-title">Clusters in {region}</CardTitle>
          <CardDescription>
            Pick a cluster to see its capacity providers, instances and task definitions.
          </CardDescription>
        </div>
        <div className="flex items-center gap-3">
          {result ? <FetchedAt iso={result.fetchedAt} /> : null}
          <Button
            size="sm"
            onClick={() => void refresh()}
            disabled={query.isFetching || refreshing}
            aria-label="Refresh clusters"
          >
            {query.isFetching || refreshing ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div className="space-y-2" aria-busy="true" aria-label="Loading clusters">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : query.isError ? (
          <Alert tone="destructive" title="Could not load clusters">
            {query.error.message}
          </Alert>
        ) : !result!.ok ? (
          <EcsErrorAlert what="Clusters" error={result!.error} />
        ) : result!.data.length === 0 ? (
          <Alert title={`No ECS clusters in ${region}`}>
            Pick another region, or create a cluster in this one.
          </Alert>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Cluster</Th>
                <Th>Status</Th>
                <Th>Capacity providers</Th>
                <Th>Default strategy</Th>
                <Th className="text-right">Instances</Th>
                <Th className="text-right">Running tasks</Th>
                <Th className="text-right">Pending tasks</Th>
              </tr>
            </thead>
            <tbody>
              {result!.data.map((c) => (
                <tr key={c.arn}>
                  <Td>
                    <IntentLink
                      className="font-medium text-primary hover:underline"
                      href={`/clusters/${encodeURIComponent(c.name)}?region=${encodeURIComponent(region)}`}
                    >
                      {c.name}
                    </IntentLink>
                  </Td>
                  <Td>
                    <Badge tone={c.status === "ACTIVE" ? "success" : "warning"}>{c.status}</Badge>
                  </Td>
                  <Td>
                    {c.capacityProviders.length ? (
                      c.capacityProviders.join(", ")
                    ) : (
                      <span className="text-muted-foreground">none</span>
                    )}
                  </Td>
                  <Td>
                    <StrategyList strategy={c.defaultCapacityProviderStrategy} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {num(c.registeredContainerInstancesCount)}
                  </Td>
                  <Td className="text-right tabular-nums">{num(c.runningTasksCount)}</Td>
                  <Td className="text-right tabular-nums">{num(c.pendingTasksCount)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
