"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import type { SectionStatus } from "@/lib/ecs";

import { EcsErrorAlert } from "./ecs-error-alert";
import { FetchedAt } from "./fetched-at";
import { num } from "./format";
import { InstancesSection } from "./instances-section";
import { ProvidersSection } from "./providers-section";
import { clusterQueryOptions, ecsKeys, fetchCluster } from "./queries";
import { StrategyList } from "./strategy";
import { TaskDefinitionsSection } from "./task-definitions-section";

const AUTO_REFRESH_MS = 30_000;

export interface ClusterViewProps {
  region: string;
  name: string;
}

function Section({
  title,
  description,
  status,
  what,
  children,
}: {
  title: string;
  description?: string;
  status?: SectionStatus;
  what: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <div>
          <CardTitle id={id}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {status ? <FetchedAt iso={status.fetchedAt} /> : null}
      </CardHeader>
      <CardContent>
        {status?.error ? <EcsErrorAlert what={what} error={status.error} /> : children}
      </CardContent>
    </Card>
  );
}

/** The cluster page: providers, capacity, instances and task definitions; each section fails on its own. */
export function ClusterView({ region, name }: ClusterViewProps) {
  const queryClient = useQueryClient();
  const [auto, setAuto] = useState(false);
  const autoId = useId();
  const query = useQuery({
    ...clusterQueryOptions(region, name),
    refetchInterval: auto ? AUTO_REFRESH_MS : false,
  });
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(
        ecsKeys.cluster(region, name),
        await fetchCluster(region, name, { fresh: true }),
      );
      await queryClient.invalidateQueries({ queryKey: ecsKeys.taskDefinitions(region) });
    } finally {
      setRefreshing(false);
    }
  };

  const toolbar = (
    <div className="flex flex-wrap items-center gap-4">
      {query.data?.snapshot ? <FetchedAt iso={query.data.snapshot.fetchedAt} /> : null}
      <div className="flex items-center gap-2">
        <Switch
          id={autoId}
          checked={auto}
          onCheckedChange={setAuto}
          aria-label="Auto-refresh every 30 seconds"
        />
        <Label htmlFor={autoId}>Auto-refresh (30 s)</Label>
      </div>
      <Button
        size="sm"
        onClick={() => void refresh()}
        disabled={query.isFetching || refreshing}
        aria-label="Refresh cluster"
      >
        {query.isFetching || refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </div>
  );

  if (query.isPending) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading cluster">
        {toolbar}
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="destructive" title="Could not load the cluster">
        {query.error.message}
      </Alert>
    );
  }
  const { snapshot, sections } = query.data;
  if (!snapshot) {
    return (
      <div className="space-y-4">
        {toolbar}
        {sections.cluster.error ? (
          <EcsErrorAlert what={`Cluster ${name}`} error={sections.cluster.error} />
        ) : null}
      </div>
    );
  }
  const c = snapshot.cluster;
  const asgProviders = snapshot.capacityProviders.filter((p) => p.kind === "AUTO_SCALING_GROUP");
  const empty = snapshot.containerInstances.length === 0 && !sections.containerInstances.error;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <div className="flex items-center gap-2">
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <Badge tone={c.status === "ACTIVE" ? "success" : "warning"}>{c.status}</Badge>
            </dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-muted-foreground">Instances</dt>
            <dd className="font-medium tabular-nums">{num(c.registeredContainerInstancesCount)}</dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-muted-foreground">Running tasks</dt>
            <dd className="font-medium tabular-nums">{num(c.runningTasksCount)}</dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-muted-foreground">Default strategy</dt>
            <dd>
              <StrategyList strategy={c.defaultCapacityProviderStrategy} />
            </dd>
          </div>
        </dl>
        {toolbar}
      </div>

      <Section
        title="Capacity providers"
        what="Capacity providers"
        status={sections.capacityProviders}
        description="Reserved vs free capacity of each provider's registered instances."
      >
        <ProvidersSection
          providers={snapshot.capacityProviders}
          instances={snapshot.containerInstances}
          defaultStrategy={c.defaultCapacityProviderStrategy}
        />
      </Section>

      <Section
        title="Container instances"
        what="Container instances"
        status={sections.containerInstances}
        description="Registered, reserved and free CPU units and memory (MiB) per instance."
      >
        {empty ? (
          <Alert title="No container instances">
            {asgProviders.length
              ? "The Auto Scaling group providers have no registered instances yet; EC2 tasks wait until managed scaling adds some."
              : "This cluster runs on Fargate only (or is empty): tasks need a Fargate launch type or strategy."}
          </Alert>
        ) : (
          <InstancesSection instances={snapshot.containerInstances} />
        )}
      </Section>

      <Section
        title="Task definitions"
        what="Task definition families"
        status={sections.taskDefinitionFamilies}
        description={`Latest ACTIVE revision of each family in ${region}, described as you look at them.`}
      >
        <TaskDefinitionsSection region={region} families={snapshot.taskDefinitionFamilies} />
      </Section>
    </div>
  );
}
