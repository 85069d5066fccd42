import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { DeferredDeployments } from "@/components/pools/deferred-deployments";
import { PoolEditorSkeleton } from "@/components/pools/pool-editor-skeleton";
import { PoolRunsSummary } from "@/components/runs/pool-runs-summary";
import { LazyUpdatePoolButton } from "@/components/push/lazy-update-pool-button";
import { TemplateEditor } from "@/components/template-editor/template-editor";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { PageHeader } from "@/components/ui/page-header";
import { PaintWhenParsed, ParsedMarker } from "@/components/ui/paint-when-parsed";
import { isPrefectError } from "@/lib/prefect/errors";
import { asSentence } from "@/lib/outcome/types";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { WorkPool } from "@/lib/prefect/types";
import { poolSeenRecently } from "@/lib/prefect/known-pools";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { restoredNotice } from "@/components/history/restored-notice";
import { loadClusterSnapshot } from "@/lib/actions/pool-editor";
import {
  getPrefectClient,
  initialCheckResults,
  loadClusterData,
  loadDeployments,
} from "../load-editor-data";
import { isEcsPoolType, modeOfPoolType } from "@/lib/template/pool-type";
import { ManagedBadge } from "@/components/pools/managed-badge";
import { descriptionText, managedSource } from "@/lib/prefect/managed";
import { errorMessage } from "@/lib/template/error-message";
import { NONCE_HEADER } from "@/lib/security/csp";

export const dynamic = "force-dynamic";

/** The id of the element after the editor's markup that the first paint waits for. */
const EDITOR_PARSED = "pool-editor-parsed";

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
 * Whether the pool exists is the one thing the response's status depends on (an unknown pool must
 * be a 404, and Next sends a notFound() thrown inside a streamed boundary with status 200,
 * BENCHMARKS.md). A pool this server has seen in Prefect in the last minutes (lib/prefect/
 * known-pools.ts: the pools list, an earlier visit) is taken to exist: the header and an editor
 * skeleton leave at once and the pool read streams in after them. Any other name waits for
 * Prefect's answer before the first byte. Everything else (the deployments list, the first check
 * results, the editor's server render) streams in after the header either way; the runs line and
 * the deployments section are asked for once the browser is idle.
 * The browser holds its first paint until the editor's markup has been parsed, for at most
 * 500 ms (PaintWhenParsed): a painted skeleton would make React hold the editor's reveal.
 */
export default async function PoolPage({ params, searchParams }: Params) {
  const name = decodeURIComponent((await params).name);
  const query = await searchParams;
  const client = getPrefectClient();
  // read alongside the pool for the RunTask preview (loadDeployments turns a failure into [])
  const listed = listDeploymentsForPool(client, name, { display: true });
  listed.catch(() => {}); // not awaited at all when the pool read fails first (a 404)
  const known = poolSeenRecently(client.apiUrl, name);
  const read: Promise<PoolRead> = readWorkPool(client, name, { display: true }).then(
    (pool) => ({ pool }),
    (error: unknown) => ({ error }),
  );
  if (!known) {
    const result = await read;
    if ("error" in result && isPrefectError(result.error, "not-found")) notFound();
  }
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <>
      {/* the first paint shows the editor, not the skeleton, when it is there within 500 ms */}
      <PaintWhenParsed id={EDITOR_PARSED} maxMs={500} nonce={nonce} />
      <Suspense fallback={<PoolPageSkeleton name={name} />}>
        <PoolPageContent
          name={name}
          read={read}
          listed={listed}
          apiUrl={client.apiUrl}
          query={query}
        />
      </Suspense>
    </>
  );
}

type PoolRead = { pool: WorkPool } | { error: unknown };

/** The header's links, the same before and after the pool is read. */
function PoolActions({ name }: { name: string }) {
  const ghost = buttonClass({ size: "sm", variant: "ghost" });
  return (
    <>
      <IntentLink href={`/pools/${encodeURIComponent(name)}/runs`} className={ghost}>
        Runs
      </IntentLink>
      <IntentLink href={`/pools/${encodeURIComponent(name)}/history`} className={ghost}>
        History
      </IntentLink>
      <IntentLink href="/pools" className={ghost}>
        All pools
      </IntentLink>
    </>
  );
}

/** What a known pool's page shows while Prefect is read: its name, its links, the editor's skeleton. */
function PoolPageSkeleton({ name }: { name: string }) {
  return (
    <>
      <PageHeader
        title={name}
        description="Base job template: form and JSON side by side, checked as you type."
        actions={<PoolActions name={name} />}
      />
      <PoolEditorSkeleton />
    </>
  );
}

/** The page once Prefect has answered the pool read. */
async function PoolPageContent(props: {
  name: string;
  read: Promise<PoolRead>;
  listed: ReturnType<typeof listDeploymentsForPool>;
  apiUrl: string;
  query: Awaited<Params["searchParams"]>;
}) {
  const { name, query } = props;
  const revealAt = !query.deployment && typeof query.at === "string" ? query.at : undefined;
  const result = await props.read;
  if ("error" in result) {
    const { error } = result;
    // a pool seen moments ago and deleted since (the response has started: status 200)
    if (isPrefectError(error, "not-found")) notFound();
    return (
      <>
        <PageHeader title={name} description="Base job template" />
        <Alert tone="destructive" title="Prefect could not be read">
          {asSentence(errorMessage(error))} The editor needs the pool&apos;s template from Prefect;
          check the server on the{" "}
          <IntentLink href="/" className="underline">
            status page
          </IntentLink>{" "}
          and reload.
        </Alert>
      </>
    );
  }
  const { pool } = result;
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
        actions={<PoolActions name={pool.name} />}
      />
      {restored}
      {/* The runs line and the deployments section are in the editor's boundary: they hydrate
          with it or after it, never before, so their reads (asked for once the browser is idle)
          cannot start while the editor waits to be revealed and hydrated. The server's work for
          them (then server actions, with a router transition each) held the form back by ~400 ms
          in some cold loads (BENCHMARKS.md). */}
      <Suspense fallback={<PoolEditorSkeleton />}>
        <PoolRunsSummary key={pool.name} poolName={pool.name} />
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
        <PoolEditor
          pool={pool}
          listed={props.listed}
          apiUrl={props.apiUrl}
          {...(revealAt ? { revealAt } : {})}
        />
        <div className="mt-8">
          {/* asked for after the editor is interactive (BENCHMARKS.md, form editable) */}
          <HydrateLater>
            <DeferredDeployments poolName={pool.name} />
          </HydrateLater>
        </div>
      </Suspense>
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
    <>
      <TemplateEditor
        pool={{
          name: pool.name,
          type: pool.type,
          concurrencyLimit: pool.concurrency_limit ?? null,
        }}
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
      <ParsedMarker id={EDITOR_PARSED} />
    </>
  );
}
