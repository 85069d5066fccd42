import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history/history-list";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { publicServerUrl } from "@/lib/audit/recorder";
import { getAuditStore } from "@/lib/audit/server";
import { DEFAULT_LIMIT } from "@/lib/audit/store";
import type { AuditEntry } from "@/lib/audit/types";
import { getPrefectClient } from "@/lib/prefect/client";
import { isPrefectError } from "@/lib/prefect/errors";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { errorMessage } from "@/lib/template/error-message";
import { IntentLink } from "@/components/ui/intent-link";

export const dynamic = "force-dynamic";

type Params = {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ before?: string }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `History of ${decodeURIComponent(name)}` };
}

/** A pool's audit history: every recorded push to it and to its deployments, newest first. */
export default async function PoolHistoryPage({ params, searchParams }: Params) {
  const name = decodeURIComponent((await params).name);
  const beforeId = Number((await searchParams).before) || undefined;
  const client = getPrefectClient();
  const poolHref = `/pools/${encodeURIComponent(name)}`;
  const header = (
    <PageHeader
      title={`History of ${name}`}
      description="Every change pushed through Pooldeck to this pool and its deployments, newest first. Restore loads an earlier template into the editor; it reaches Prefect only through Update pool."
      actions={
        <IntentLink href={poolHref} className={buttonClass({ size: "sm", variant: "ghost" })}>
          Back to the pool
        </IntentLink>
      }
    />
  );
  let currentText = "";
  let poolProblem: string | null = null;
  try {
    const pool = await readWorkPool(client, name, { display: true });
    currentText = JSON.stringify(pool.base_job_template ?? {}, null, 2);
  } catch (error) {
    // the history outlives the pool: a deleted pool's changes stay readable
    if (!isPrefectError(error, "not-found")) {
      poolProblem = errorMessage(error);
    }
  }
  let entries: AuditEntry[];
  try {
    const store = await getAuditStore();
    entries = await store.listForPool(publicServerUrl(client.apiUrl), name, {
      limit: DEFAULT_LIMIT,
      ...(beforeId ? { beforeId } : {}),
    });
  } catch (error) {
    console.error("pooldeck audit history: cannot read:", error);
    return (
      <>
        {header}
        <Alert tone="destructive" title="The audit history cannot be read">
          {errorMessage(error)} Check DATABASE_URL or the data directory. While the history cannot
          be written, Pooldeck refuses every push.
        </Alert>
      </>
    );
  }
  if (entries.length === 0 && !currentText && !poolProblem && !beforeId) notFound();
  const last = entries.at(-1);
  return (
    <>
      {header}
      {poolProblem ? (
        <Alert tone="warning" title="Prefect could not be read" className="mb-4">
          {poolProblem} The history is shown; restoring needs the pool&apos;s current template.
        </Alert>
      ) : null}
      <HistoryList
        poolName={name}
        serverKey={client.apiUrl}
        currentText={currentText}
        entries={entries}
      />
      {entries.length === DEFAULT_LIMIT && last ? (
        <p className="mt-4">
          <IntentLink className="text-sm underline" href={`${poolHref}/history?before=${last.id}`}>
            Older changes
          </IntentLink>
        </p>
      ) : null}
    </>
  );
}
