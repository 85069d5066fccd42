import type { Metadata } from "next";
import { Suspense } from "react";
import { DefaultTemplatesDiff } from "@/components/compare/default-templates-diff";
import { EquivalentPool } from "@/components/compare/equivalent-pool";
import { IamPolicies } from "@/components/compare/iam-policies";
import { KindFacts } from "@/components/compare/kind-facts";
import { MeasuredLatencyFallback, MeasuredLatencyRow } from "@/components/compare/measured-latency";
import { ModeComparison } from "@/components/compare/mode-comparison";
import { PoolClusterPicker } from "@/components/compare/pool-cluster-picker";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadCompareData } from "./load-compare-data";
import { modeOfPoolType } from "@/lib/template/pool-type";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Push pool vs hybrid worker" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 1000) : "");

export default async function ComparePage({ searchParams }: Search) {
  const query = await searchParams;
  const pool = one(query.pool);
  const cluster = one(query.cluster);
  const data = await loadCompareData({ pool, cluster });
  const { defaults, selected } = data;
  return (
    <>
      <PageHeader
        title="Push pool vs hybrid worker"
        description="Prefect's two ways to run flows on ECS, side by side: their templates, what each needs and cannot do, what your pool would do under the other, and how to move."
      />
      <div className="grid gap-6">
        {data.cloud ? (
          <Alert tone="info" title="Connected to Prefect Cloud">
            Both kinds are available in this workspace.
          </Alert>
        ) : (
          <Alert
            tone="warning"
            title="Self-hosted Prefect server: push pools exist only on Prefect Cloud"
          >
            Pooldeck is connected to {data.apiUrl}. This server can store an ecs:push pool, but
            nothing on a self-hosted server ever submits its runs; use a hybrid pool with a worker
            here, and push pools in a Prefect Cloud workspace.
          </Alert>
        )}

        <Card aria-labelledby="defaults-title">
          <CardHeader>
            <div>
              <CardTitle id="defaults-title">Default templates</CardTitle>
              <CardDescription>
                {"problem" in defaults
                  ? "Prefect's default templates could not be read."
                  : defaults.derived
                    ? "ecs from this server's collections endpoint. The server offers no ecs:push template (self-hosted servers do not), so Pooldeck derived it from ecs."
                    : "Both from Prefect Cloud's work_pool_types."}
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            {"problem" in defaults ? (
              <Alert tone="destructive" title="Prefect could not be read">
                {defaults.problem}
              </Alert>
            ) : (
              <DefaultTemplatesDiff
                hybrid={defaults.hybrid}
                push={defaults.push}
                derived={defaults.derived}
              />
            )}
          </CardContent>
        </Card>

        <Card aria-labelledby="facts-title">
          <CardHeader>
            <CardTitle id="facts-title">What each needs and cannot do</CardTitle>
          </CardHeader>
          <CardContent>
            <KindFacts
              examplePool={selected?.pool.type === "ecs" ? selected.pool.name : null}
              measured={
                <Suspense fallback={<MeasuredLatencyFallback />}>
                  <MeasuredLatencyRow pools={data.pools} />
                </Suspense>
              }
            />
          </CardContent>
        </Card>

        <Card aria-labelledby="pool-title">
          <CardHeader>
            <div>
              <CardTitle id="pool-title">Your pool under both modes</CardTitle>
              <CardDescription>
                Checks and the RunTask request for a pool and cluster, as a hybrid worker and as a
                push pool would send it: what would break if you switched.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="grid gap-4">
            <PoolClusterPicker
              pools={data.pools}
              clusters={data.clusters}
              pool={pool}
              cluster={cluster}
            />
            {data.poolsProblem ? (
              <Alert tone="destructive" title="Pools could not be listed">
                {data.poolsProblem}
              </Alert>
            ) : null}
            {data.selectedProblem ? (
              <Alert tone="destructive" title="The pool could not be read">
                {data.selectedProblem}
              </Alert>
            ) : null}
            {data.snapshotProblem ? (
              <p role="status" className="text-xs text-muted-foreground">
                {data.snapshotProblem}
              </p>
            ) : null}
            {selected ? (
              <ModeComparison
                key={`${selected.pool.name}|${cluster}`}
                poolName={selected.pool.name}
                poolType={selected.pool.type}
                template={selected.pool.template}
                deployments={selected.deployments}
                {...(data.snapshot ? { snapshot: data.snapshot } : {})}
              />
            ) : pool ? null : (
              <p className="text-sm text-muted-foreground">Choose a pool to compare it.</p>
            )}
          </CardContent>
        </Card>

        {selected ? (
          <Card aria-labelledby="equivalent-title">
            <CardHeader>
              <CardTitle id="equivalent-title">
                {`Create the equivalent ${modeOfPoolType(selected.pool.type) === "push" ? "hybrid" : "push"} pool`}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <EquivalentPool
                key={selected.pool.name}
                source={selected.pool}
                cloud={data.cloud}
                takenNames={data.pools.map((p) => p.name)}
                credentialsBlocks={data.credentialsBlocks}
                {...(data.snapshot ? { snapshot: data.snapshot } : {})}
              />
            </CardContent>
          </Card>
        ) : null}

        <Card aria-labelledby="iam-title">
          <CardHeader>
            <CardTitle id="iam-title">IAM policies</CardTitle>
          </CardHeader>
          <CardContent>
            <IamPolicies />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
