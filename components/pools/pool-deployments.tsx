"use client";

import { Badge } from "@/components/ui/badge";
import { JsonPre } from "@/components/ui/scrolling-pre";
import type { DeploymentVerdict, PoolDeploymentsData } from "@/lib/push/pool-deployments";
import { DeploymentEditorDetails } from "./deployment-editor-details";
import { LazyJobVariablesEditor } from "./lazy-job-variables-editor";
import { RegistrationPrediction } from "./registration-prediction";
import { counted } from "@/lib/template/counted";

function Json({ value, label }: { value: unknown; label: string }) {
  return <JsonPre value={value} label={label} className="max-h-64 p-2" />;
}

/**
 * The pool's deployments: each one's job_variables, the effective configuration after merging
 * them over the pool's defaults, its verdict, and an editor for the job_variables.
 */
export function PoolDeployments({ data }: { data: PoolDeploymentsData }) {
  const { deployments } = data;
  return (
    <section aria-label="Deployments" className="grid gap-3">
      <h2 className="text-base font-semibold">Deployments ({deployments.length})</h2>
      {deployments.length === 0 ? (
        <p className="text-sm text-muted-foreground">No deployment uses this pool.</p>
      ) : null}
      {deployments.map((d) => (
        <DeploymentCard key={d.id} deployment={d} data={data} />
      ))}
    </section>
  );
}

function DeploymentCard({
  deployment: d,
  data,
}: {
  deployment: DeploymentVerdict;
  data: PoolDeploymentsData;
}) {
  const e = d.errors;
  const w = d.warnings;
  return (
    <article
      aria-label={`Deployment ${d.name}`}
      className="grid gap-3 rounded-lg border border-border bg-card p-4"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{d.name}</h3>
        <Badge tone={e > 0 ? "destructive" : "success"} data-testid="deployment-errors">
          {counted(e, "error")}
        </Badge>
        <Badge tone={w > 0 ? "warning" : "neutral"}>{counted(w, "warning")}</Badge>
        <span className="text-xs text-muted-foreground">
          {d.cluster ? `against ${d.cluster}` : "no cluster"}
          {d.clusterProblem ? ` — ${d.clusterProblem}` : ""}
        </span>
      </header>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">job_variables</p>
          <Json value={d.jobVariables} label={`Stored job_variables of ${d.name}`} />
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">
            Effective configuration (pool defaults, then job_variables)
          </p>
          <Json
            value={d.effective ?? "the template does not render"}
            label={`Effective configuration of ${d.name}`}
          />
        </div>
      </div>
      {d.registration ? <RegistrationPrediction deployment={d.name} view={d.registration} /> : null}
      <DeploymentEditorDetails deploymentId={d.id}>
        <div className="mt-3">
          <LazyJobVariablesEditor
            poolName={data.poolName}
            template={data.template}
            mode={data.mode}
            {...(d.snapshot ? { snapshot: d.snapshot } : {})}
            deployment={{
              id: d.id,
              name: d.name,
              updated: d.updated,
              jobVariables: d.jobVariables,
            }}
          />
        </div>
      </DeploymentEditorDetails>
    </article>
  );
}
