"use client";

import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { useIdleRead } from "@/components/ui/use-idle-read";
import { getPoolRead } from "@/components/pools/pool-reads";
import { asSentence } from "@/lib/outcome/types";
import type { PoolRunsLine } from "@/lib/runs/health";

const box =
  "mb-4 flex min-h-10 flex-wrap items-center gap-x-6 gap-y-1 rounded-md border border-border bg-card px-3 py-2 text-sm";

/**
 * The pool page's line about its runs ("2 of the last 20 runs failed", linking to the runs page)
 * and its workers with their last heartbeat, read when the browser is first idle (useIdleRead).
 * Until then a box of the same height says it is reading, so the editor below does not move. Keyed
 * by the pool's name where it is used, so that another pool's page starts afresh.
 */
export function PoolRunsSummary({ poolName }: { poolName: string }) {
  const [read, ask] = useIdleRead(
    useCallback(() => getPoolRead<PoolRunsLine>(poolName, "runs-line"), [poolName]),
  );
  const href = `/pools/${encodeURIComponent(poolName)}/runs`;
  if (read === null) {
    // not a live region: a screen reader is told when the read fails, not that it started
    return <p className={`${box} text-muted-foreground`}>Reading the pool&apos;s recent runs…</p>;
  }
  if ("error" in read) {
    return (
      <p role="status" className={`${box} text-muted-foreground`}>
        The pool&apos;s runs could not be read: {asSentence(read.error)}
        <Button type="button" size="sm" variant="ghost" onClick={ask}>
          Try again
        </Button>
      </p>
    );
  }
  const { data: line } = read;
  return (
    <section aria-label="Recent runs" className={box}>
      <IntentLink href={href} className="font-medium underline underline-offset-2">
        {line.runs}
      </IntentLink>
      <span className={line.workersMuted ? "text-muted-foreground" : undefined}>
        {line.workers}
      </span>
    </section>
  );
}
