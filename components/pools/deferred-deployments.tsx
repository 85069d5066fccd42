"use client";

import dynamic from "next/dynamic";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { useIdleRead } from "@/components/ui/use-idle-read";
import type { ActionResult } from "@/lib/outcome/types";
import type { PoolDeploymentsData } from "@/lib/push/pool-deployments";

/**
 * The section's view (the deployment cards, the registration prediction, the job_variables
 * editor's loader), shown only once the server action has answered: not in the pool page's first
 * JavaScript (BENCHMARKS.md, route JavaScript). read() fetches it alongside the data; one import()
 * for both, so they share one chunk.
 */
const loadView = () => import("./pool-deployments").then((m) => m.PoolDeployments);
const PoolDeployments = dynamic(loadView, { loading: () => <Reading /> });

/** The loadPoolDeployments server action: the section's data, or why not. */
export type DeploymentsLoader = (poolName: string) => Promise<ActionResult<PoolDeploymentsData>>;

/**
 * The pool's deployments section, read when the browser is first idle (useIdleRead; a server
 * action that reads and checks them on the server): its cluster reads and checks then no longer
 * compete with the form and the JSON editor for the server and the browser while the page loads.
 * A failure says why and offers a retry.
 */
export function DeferredDeployments({
  poolName,
  load,
}: {
  poolName: string;
  load: DeploymentsLoader;
}) {
  const [read, retry] = useIdleRead(
    useCallback(() => {
      // fetched in parallel with the action (a failed fetch is the view's own load to report)
      loadView().catch(() => {});
      return load(poolName);
    }, [load, poolName]),
  );
  if (read === null) return <Reading />;
  if ("data" in read) return <PoolDeployments data={read.data} />;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-destructive">
      The deployments could not be read: {read.error}
      <Button type="button" size="sm" variant="ghost" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}

function Reading() {
  return (
    <p role="status" className="text-sm text-muted-foreground">
      Reading the pool&apos;s deployments…
    </p>
  );
}
