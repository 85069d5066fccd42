"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { whenIdle } from "@/lib/browser/when-idle";
import type { ActionResult } from "@/lib/outcome/types";
import type { PoolDeploymentsData } from "@/lib/push/pool-deployments";
import { errorMessage } from "@/lib/template/error-message";

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
 * The pool's deployments section, asked for at the browser's first idle moment (a server action
 * that reads and checks them on the server): its cluster reads and checks then no longer compete
 * with the form and the JSON editor for the server and the browser while the page loads. A failure
 * says why and offers a retry.
 */
export function DeferredDeployments({
  poolName,
  load,
}: {
  poolName: string;
  load: DeploymentsLoader;
}) {
  const [section, setSection] = useState<PoolDeploymentsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const read = useCallback(() => {
    // fetched in parallel with the action (a failed fetch is the view's own load to report)
    loadView().catch(() => {});
    startTransition(async () => {
      const result = await load(poolName).catch((e: unknown) => ({
        ok: false as const,
        error: errorMessage(e),
      }));
      setError(result.ok ? null : result.error);
      if (result.ok) setSection(result.data);
    });
  }, [load, poolName]);
  // on the pool page the first idle moment comes once the JSON editor is up
  useEffect(() => whenIdle(read, 2_000), [read]);
  if (section) return <PoolDeployments data={section} />;
  if (error && !pending) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-destructive">
        The deployments could not be read: {error}
        <Button type="button" size="sm" variant="ghost" onClick={read}>
          Try again
        </Button>
      </div>
    );
  }
  return <Reading />;
}

function Reading() {
  return (
    <p role="status" className="text-sm text-muted-foreground">
      Reading the pool&apos;s deployments…
    </p>
  );
}
