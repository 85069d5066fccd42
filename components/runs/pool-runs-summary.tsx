import { healthSummary } from "@/lib/runs/health";
import type { WorkPool } from "@/lib/prefect/types";
import { loadPoolRuns } from "@/lib/runs/load";
import type { PoolRunsPage, PoolWorker } from "@/lib/runs/types";
import { formatDuration } from "./run-format";
import { errorMessage } from "@/lib/template/error-message";
import { IntentLink } from "@/components/ui/intent-link";

const box =
  "mb-4 flex min-h-10 flex-wrap items-center gap-x-6 gap-y-1 rounded-md border border-border bg-card px-3 py-2 text-sm";

/** Shown while the summary streams in; the same height, so the editor below does not move. */
export function PoolRunsSummaryFallback() {
  return (
    <p role="status" className={`${box} text-muted-foreground`}>
      Reading the pool&apos;s recent runs…
    </p>
  );
}

function worker(w: PoolWorker, now: string): string {
  const ago = w.lastHeartbeat ? `${formatDuration(w.lastHeartbeat, now)} ago` : "never";
  return `${w.name} (${w.status ? `${w.status.toLowerCase()}, ` : ""}last heartbeat ${ago})`;
}

function Workers({ page, now }: { page: PoolRunsPage; now: string }) {
  if (page.poolType.endsWith(":push")) {
    return (
      <span className="text-muted-foreground">Push pool: Prefect submits its runs, no worker.</span>
    );
  }
  if (page.workers === null) {
    const why = page.problems.find((p) => p.section === "workers")?.message;
    return (
      <span className="text-muted-foreground">
        Workers could not be read{why ? `: ${why}` : "."}
      </span>
    );
  }
  if (page.workers.length === 0) {
    return <span>Workers: none has polled this pool; its runs stay Late until one does.</span>;
  }
  return <span>Workers: {page.workers.map((w) => worker(w, now)).join(", ")}</span>;
}

/**
 * The pool page's line about its runs ("2 of the last 20 runs failed", linking to the runs page)
 * and its workers with their last heartbeat. Rendered in a Suspense boundary: it streams in after
 * the editor and never holds the page back.
 */
export async function PoolRunsSummary({ pool }: { pool: WorkPool }) {
  const href = `/pools/${encodeURIComponent(pool.name)}/runs`;
  let page: PoolRunsPage;
  try {
    // the page has just read the pool: its runs need not read it again
    page = await loadPoolRuns(pool.name, { limit: 20, workPool: pool });
  } catch (error) {
    return (
      <p className={`${box} text-muted-foreground`}>
        The pool&apos;s runs could not be read: {errorMessage(error)}{" "}
        <IntentLink href={href} className="underline">
          Runs
        </IntentLink>
      </p>
    );
  }
  return (
    <section aria-label="Recent runs" className={box}>
      <IntentLink href={href} className="font-medium underline underline-offset-2">
        {healthSummary(page.runs)}
      </IntentLink>
      <Workers page={page} now={new Date().toISOString()} />
    </section>
  );
}
