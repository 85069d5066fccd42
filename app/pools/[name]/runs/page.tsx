import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { parseLatencyWindow, parseRunFilters, filterRuns } from "@/components/runs/run-format";
import { RunProblems } from "@/components/runs/run-problems";
import { PrefectUnavailable, runsAccessDenied } from "@/components/runs/runs-access";
import { RunsFilters } from "@/components/runs/runs-filters";
import { RunsTable } from "@/components/runs/runs-table";
import { StartLatencyFallback, StartLatencyLoaded } from "@/components/runs/start-latency-loaded";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isPrefectError } from "@/lib/prefect/errors";
import { loadPoolRuns } from "@/lib/runs/load";
import type { PoolRunsPage } from "@/lib/runs/types";
import { IntentLink } from "@/components/ui/intent-link";

export const dynamic = "force-dynamic";

/** How many of the newest runs the list shows (the start-latency figures may read more). */
const RUNS_SHOWN = 50;

type Params = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `Runs of ${decodeURIComponent(name)}` };
}

/** A pool's newest runs with their ECS tasks, filtered by state, deployment and diagnosis. */
export default async function RunsPage({ params, searchParams }: Params) {
  const name = decodeURIComponent((await params).name);
  const query = await searchParams;
  const filters = parseRunFilters(query);
  const latencyWindow = parseLatencyWindow(query);
  const poolHref = `/pools/${encodeURIComponent(name)}`;
  const header = (
    <PageHeader
      title={`Runs of ${name}`}
      description="The pool's newest flow runs joined with the ECS tasks that ran them: state, task status, where and how long it ran, and what went wrong."
      actions={
        <IntentLink href={poolHref} className={buttonClass({ size: "sm", variant: "ghost" })}>
          Back to the pool
        </IntentLink>
      }
    />
  );
  const denied = await runsAccessDenied();
  if (denied)
    return (
      <>
        {header}
        {denied}
      </>
    );
  let page: PoolRunsPage;
  try {
    page = await loadPoolRuns(name, { limit: Math.max(RUNS_SHOWN, latencyWindow.n) });
  } catch (error) {
    if (isPrefectError(error, "not-found")) notFound();
    return (
      <>
        {header}
        <PrefectUnavailable error={error} />
      </>
    );
  }
  const listed = page.runs.slice(0, RUNS_SHOWN);
  const shown = filterRuns(listed, filters);
  const filtered = Boolean(filters.state || filters.deployment || filters.diagnosis);
  return (
    <>
      {header}
      <RunProblems problems={page.problems} />
      {page.runs.length === 0 ? (
        <p role="status" className="rounded-md border border-border bg-card px-4 py-6 text-sm">
          No runs yet. Runs appear here once a deployment of {name} is run and a worker (or, for a
          push pool, Prefect) submits it to ECS.
        </p>
      ) : (
        <>
          <RunsFilters
            pool={name}
            runs={listed}
            filters={filters}
            {...(query.latency ? { latency: latencyWindow.n } : {})}
          />
          <p role="status" className="mb-2 text-xs text-muted-foreground">
            {filtered
              ? `${shown.length} of the last ${listed.length} runs match the filters.`
              : `The last ${listed.length} ${listed.length === 1 ? "run" : "runs"}, newest first.`}
          </p>
          {shown.length === 0 ? (
            <p role="status" className="rounded-md border border-border bg-card px-4 py-6 text-sm">
              No run matches these filters.{" "}
              <IntentLink href={`${poolHref}/runs`} className="underline">
                Clear filters
              </IntentLink>
            </p>
          ) : (
            <RunsTable pool={name} runs={shown} now={new Date().toISOString()} />
          )}
          <Suspense fallback={<StartLatencyFallback />}>
            <StartLatencyLoaded
              action={`${poolHref}/runs`}
              page={page}
              filters={filters}
              window={latencyWindow}
            />
          </Suspense>
        </>
      )}
    </>
  );
}
