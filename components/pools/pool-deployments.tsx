import { Badge } from "@/components/ui/badge";
import { LazyDetails } from "@/components/ui/lazy-details";
import type { PrefectClient } from "@/lib/prefect/client";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { WorkPool } from "@/lib/prefect/types";
import { modeForPoolType } from "@/lib/push/changes";
import { checkWithCluster } from "@/lib/push/verdict";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { LazyJobVariablesEditor } from "./lazy-job-variables-editor";
import { poolRegistrationViews } from "./pool-registration";
import { RegistrationPrediction } from "./registration-prediction";

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      className="max-h-64 overflow-auto rounded-md border border-border bg-muted p-2 font-mono text-xs"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/**
 * The pool's deployments: each one's job_variables, the effective configuration after merging
 * them over the pool's defaults, its verdict, and an editor for the job_variables.
 */
export async function PoolDeployments({ client, pool }: { client: PrefectClient; pool: WorkPool }) {
  let deployments;
  try {
    deployments = await listDeploymentsForPool(client, pool.name);
  } catch (error) {
    return (
      <p role="alert" className="text-sm text-destructive">
        The deployments could not be read: {error instanceof Error ? error.message : String(error)}
      </p>
    );
  }
  const template = (pool.base_job_template ?? {}) as JsonValue;
  const mode = modeForPoolType(pool.type);
  const registration = await poolRegistrationViews(pool, template, mode, deployments);
  return (
    <section aria-label="Deployments" className="grid gap-3">
      <h2 className="text-base font-semibold">Deployments ({deployments.length})</h2>
      {deployments.length === 0 ? (
        <p className="text-sm text-muted-foreground">No deployment uses this pool.</p>
      ) : null}
      {await Promise.all(
        deployments.map(async (d) => {
          const jobVariables = (d.job_variables ?? {}) as JsonObject;
          const verdict = await checkWithCluster({
            template,
            jobVariables,
            mode,
            concurrency: {
              pool: pool.concurrency_limit ?? null,
              deployment: d.concurrency_limit ?? null,
            },
          });
          const e = verdict.errors.length;
          const w = verdict.warnings.length;
          return (
            <article
              key={d.id}
              aria-label={`Deployment ${d.name}`}
              className="grid gap-3 rounded-lg border border-border bg-card p-4"
            >
              <header className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">{d.name}</h3>
                <Badge tone={e > 0 ? "destructive" : "success"} data-testid="deployment-errors">
                  {e} {e === 1 ? "error" : "errors"}
                </Badge>
                <Badge tone={w > 0 ? "warning" : "neutral"}>
                  {w} {w === 1 ? "warning" : "warnings"}
                </Badge>
                <span className="text-xs text-muted-foreground">
                  {verdict.cluster ? `against ${verdict.cluster}` : "no cluster"}
                  {verdict.clusterProblem ? ` — ${verdict.clusterProblem}` : ""}
                </span>
              </header>
              <div className="grid gap-3 md:grid-cols-2">
                <div>
                  <p className="mb-1 text-xs font-medium text-muted-foreground">job_variables</p>
                  <Json value={jobVariables} label={`Stored job_variables of ${d.name}`} />
                </div>
                <div>
                  <p className="mb-1 text-xs font-medium text-muted-foreground">
                    Effective configuration (pool defaults, then job_variables)
                  </p>
                  <Json
                    value={verdict.plan?.values ?? "the template does not render"}
                    label={`Effective configuration of ${d.name}`}
                  />
                </div>
              </div>
              {registration.get(d.id) ? (
                <RegistrationPrediction deployment={d.name} view={registration.get(d.id)!} />
              ) : null}
              <LazyDetails
                summary="Edit job variables"
                summaryClassName="cursor-pointer text-sm font-medium"
              >
                <div className="mt-3">
                  <LazyJobVariablesEditor
                    poolName={pool.name}
                    template={template}
                    mode={mode}
                    {...(verdict.snapshot ? { snapshot: verdict.snapshot } : {})}
                    deployment={{ id: d.id, name: d.name, updated: d.updated, jobVariables }}
                  />
                </div>
              </LazyDetails>
            </article>
          );
        }),
      )}
    </section>
  );
}
