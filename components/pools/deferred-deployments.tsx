"use client";

import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { useIdleRead } from "@/components/ui/use-idle-read";
import type { PoolDeploymentsData } from "@/lib/push/pool-deployments";
import { getPoolRead } from "./pool-reads";
import { useOnDeploymentsChanged } from "./reread-deployments";

/**
 * The section's view (the deployment cards, the registration prediction, the job_variables
 * editor's loader): not in the pool page's first JavaScript (BENCHMARKS.md, route JavaScript). It
 * is fetched in the same read as the data, so the section goes from "reading" to the cards in one
 * step: a lazily rendered view would show a "reading" state of its own while its chunk arrived,
 * which a screen reader says a second time. A chunk that fails to load fails the read (retry).
 */
const loadView = () => import("./pool-deployments").then((m) => m.PoolDeployments);

/**
 * The pool's deployments section, read when the browser is first idle (useIdleRead; a GET of
 * app/api/pools/[name]/deployments, which reads and checks them on the server): its cluster reads
 * and checks then no longer compete with the form and the JSON editor for the server and the
 * browser while the page loads. A failure says why and offers a retry.
 */
export function DeferredDeployments({ poolName }: { poolName: string }) {
  const [read, retry] = useIdleRead(
    useCallback(async () => {
      const [View, result] = await Promise.all([
        loadView(),
        getPoolRead<PoolDeploymentsData>(poolName, "deployments"),
      ]);
      return result.ok ? { ok: true as const, data: { View, data: result.data } } : result;
    }, [poolName]),
  );
  // a push of the template or of a deployment's job_variables: read again, keeping what is shown
  useOnDeploymentsChanged(poolName, retry);
  if (read === null) return <Reading />;
  if ("data" in read) {
    const { View, data } = read.data;
    return <View data={data} />;
  }
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-destructive">
      The deployments could not be read: {read.error}
      <Button type="button" size="sm" variant="ghost" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

/** Not a live region: a screen reader is told when the read fails, not that it started. */
function Reading() {
  return <p className="text-sm text-muted-foreground">Reading the pool&apos;s deployments…</p>;
}
