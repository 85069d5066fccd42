import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { DeferredDeployments } from "@/components/pools/deferred-deployments";
import { PoolEditorSkeleton } from "@/components/pools/pool-editor-skeleton";
import { PoolRunsSummary, PoolRunsSummaryFallback } from "@/components/runs/pool-runs-summary";
import { LazyUpdatePoolButton } from "@/components/push/lazy-update-pool-button";
import { TemplateEditor } from "@/components/template-editor/template-editor";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { PageHeader } from "@/components/ui/page-header";
import { isPrefectError } from "@/lib/prefect/errors";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { WorkPool } from "@/lib/prefect/types";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { restoredNotice } from "@/components/history/restored-notice";
import { loadClusterSnapshot, loadPoolDeployments } from "@/lib/actions/pool-editor";
import {
  getPrefectClient,
  initialCheckResults,
  loadClusterData,
  loadDeployments,
} from "../load-editor-data";
import { isEcsPoolType, modeOfPoolType } from "@/lib/template/pool-type";
import { ManagedBadge } from "@/components/pools/managed-badge";
import { descriptionText, managedSource } from "@/lib/prefect/managed";

export const dynamic = "force-dynamic";

type Params = {
  params: Promise<{ name: string }>;
  /** `at`: a JSON pointer the editor selects on load; with `deployment`, in that deployment's job_variables */
  searchParams: Promise<{ restored?: string; side?: string; at?: string; deployment?: string }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `Pool ${decodeURIComponent(name)}` };
}

/**
 * The response starts once Prefect has answered the pool read, the one thing the status depends on:
 * an unknown pool must be a 404, and Next sends a notFound() thrown inside a streamed boundary with
 * status 200 (measured, BENCHMARKS.md). Everything else (the deployments, the first check results,
 * the editor's server render, the runs summary) streams in after the header and a skeleton.
 */
export default async function PoolPage({ params, searchParams }: Params) {
  const name = decodeURIComponent((await params).name);
  const query = await searchParams;
  const revealAt = !query.deployment && typeof query.at === "string" ? query.at : undefined;
  const client = getPrefectClient();
  // read alongside the pool for the RunTask preview (loadDeployments turns a failure into [])
  const listed = listDeploymentsForPool(client, name, { display: true });
  listed.catch(() => {}); // not awaited at all when the pool read fails first (a 404)
  let pool: WorkPool;
  try {
    pool = await readWorkPool(client, name, { display: true });
  } catch (error) {
    if (isPrefectError(error, "not-found")) notFound();
    return (
      <>
        <PageHeader title={name} description="Base job template" />
        <Alert tone="destructive" title="Prefect could not be read">
          {error instanceof Error ? error.message : String(error)} The editor needs the pool&apos;s
          template from Prefect; check the server on the{" "}
          <Link href="/" className="underline">
            status page
          </Link>{" "}
          and reload.
        </Alert>
      </>
    );
  }
  // null at once without `?restored=` (an audit store read otherwise)
  const restored = await restoredNotice(query);
  const isEcs = isEcsPoolType(pool.type);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {pool.name} <Badge>{pool.type}</Badge> <ManagedBadge description={pool.description} />
          </span>
        }
        description={
          descriptionText(pool.description) ??
          "Base job template: form and JSON side by side, checked as you type."
        }
        actions={
          <>
            <Button asChild size="sm" variant="ghost">
              <Link href={`/pools/${encodeURIComponent(pool.name)}/runs`}>Runs</Link>
            </Button>
            <Button asChild size="sm" variant="ghost">
              <Link href={`/pools/${encodeURIComponent(pool.name)}/history`}>History</Link>
            </Button>
            <Button asChild size="sm" variant="ghost">
              <Link href="/pools">All pools</Link>
            </Button>
          </>
        }
      />
      {restored}
      {/* streamed after the page: the editor never waits on Prefect's runs or on ECS */}
      <Suspense fallback={<PoolRunsSummaryFallback />}>
        <PoolRunsSummary pool={pool} />
      </Suspense>
      {!isEcs ? (
        <Alert
          tone="warning"
          title={`This is a ${pool.type} pool, not an ECS pool`}
          className="mb-4"
        >
          Pooldeck&apos;s checks model the ECS worker; their verdicts do not apply to this
          pool&apos;s type.
        </Alert>
      ) : null}
      <Suspense fallback={<PoolEditorSkeleton />}>
        <PoolEditor
          pool={pool}
          listed={listed}
          apiUrl={client.apiUrl}
          {...(revealAt ? { revealAt } : {})}
        />
      </Suspense>
      <div className="mt-8">
        {/* asked for after the editor is interactive (BENCHMARKS.md, form editable) */}
        <HydrateLater>
          <DeferredDeployments poolName={pool.name} load={loadPoolDeployments} />
        </HydrateLater>
      </div>
    </>
  );
}

/** The template editor, once the pool's deployments are read (streamed after the header). */
async function PoolEditor(props: {
  pool: WorkPool;
  listed: ReturnType<typeof listDeploymentsForPool>;
  apiUrl: string;
  revealAt?: string;
}) {
  const { pool, revealAt } = props;
  const template = (pool.base_job_template ?? {}) as Record<string, never>;
  // not awaited: the cluster snapshot streams in after the editor, so the form never waits on AWS
  const cluster = loadClusterData(template, modeOfPoolType(pool.type));
  const deployments = await loadDeployments(props.listed);
  const initialText = JSON.stringify(template, null, 2);
  return (
    <TemplateEditor
      pool={{ name: pool.name, type: pool.type }}
      serverKey={props.apiUrl}
      initialText={initialText}
      initialChecks={initialCheckResults(initialText)}
      cluster={cluster}
      loadSnapshot={loadClusterSnapshot}
      deployments={deployments}
      {...(revealAt ? { revealAt } : {})}
      actions={
        <LazyUpdatePoolButton
          poolName={pool.name}
          loadedUpdated={pool.updated}
          managedBy={managedSource(pool.description)}
        />
      }
    />
  );
}
