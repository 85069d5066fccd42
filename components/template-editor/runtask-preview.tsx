"use client";

import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Label, NativeSelect } from "@/components/ui/input";
import { JsonPre } from "@/components/ui/scrolling-pre";
import { runChecks, type CheckResult } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue, Mode, PreviewDeployment } from "@/lib/template/types";
import { RegistrationLine } from "./registration-line";

export type { PreviewDeployment } from "@/lib/template/types";

export interface RunTaskPreviewProps {
  /** check result of the current document with the pool's defaults only */
  poolResult: CheckResult;
  doc: JsonValue;
  mode: Mode;
  snapshot?: ClusterSnapshot;
  deployments: PreviewDeployment[];
  deploymentId: string;
  onDeploymentChange(id: string): void;
  /** false when the page shows one deployment select for several previews (the compare page) */
  showDeploymentSelect?: boolean;
  /** accessible name of the preview; default "RunTask preview" */
  label?: string;
  /** false when the page lists the deployment's findings itself (the compare page) */
  showJobVariableProblems?: boolean;
}

function Json({ value, label }: { value: unknown; label: string }) {
  return <JsonPre value={value} label={label} className="max-h-96 p-3 leading-relaxed" />;
}

/** What the worker would send to ECS for the current document, live, optionally for one deployment. */
export function RunTaskPreview(props: RunTaskPreviewProps) {
  const { poolResult, doc, mode, snapshot, deployments, deploymentId, onDeploymentChange } = props;
  const { showDeploymentSelect = true, label = "RunTask preview" } = props;
  const { showJobVariableProblems = true } = props;
  const deployment = deployments.find((d) => d.id === deploymentId);
  const result = useMemo(
    () =>
      deployment
        ? runChecks({
            template: doc,
            jobVariables: deployment.jobVariables,
            mode,
            ...(snapshot ? { snapshot } : {}),
          })
        : poolResult,
    [deployment, doc, mode, snapshot, poolResult],
  );
  const plan = result.plan;
  const jobVariableProblems =
    deployment && showJobVariableProblems
      ? result.diagnostics.filter((d) => d.document === "job_variables")
      : [];
  return (
    <section aria-label={label} className="grid gap-3">
      {showDeploymentSelect ? (
        <div className="grid gap-1">
          <Label htmlFor="preview-deployment">Values from</Label>
          <NativeSelect
            id="preview-deployment"
            value={deploymentId}
            onChange={(e) => onDeploymentChange(e.target.value)}
          >
            <option value="">Pool defaults only</option>
            {deployments.map((d) => (
              <option key={d.id} value={d.id}>
                Deployment {d.name}
              </option>
            ))}
          </NativeSelect>
          {deployments.length === 0 ? (
            <p className="text-xs text-muted-foreground">No deployments use this pool yet.</p>
          ) : null}
        </div>
      ) : null}
      {deployment ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted-foreground">
            job_variables of {deployment.name}
          </summary>
          <Json value={deployment.jobVariables} label="Deployment job_variables" />
        </details>
      ) : null}
      {jobVariableProblems.length > 0 ? (
        <ul className="grid gap-1 text-xs">
          {jobVariableProblems.map((d, i) => (
            <li key={i} className={d.severity === "error" ? "text-destructive" : "text-warning"}>
              <code>{d.rule}</code> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {!plan ? (
        <p className="text-sm text-muted-foreground">
          No preview: the template does not render yet (see the checks).
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>Runs on</span>
            <Badge tone="info" data-testid="effective-launch-type">
              {plan.effectiveLaunchType === "CLUSTER_DEFAULT"
                ? "the cluster's default strategy"
                : plan.effectiveLaunchType}
            </Badge>
            <span className="text-muted-foreground">({mode} mode)</span>
          </div>
          <RegistrationLine prediction={result.registration} {...(snapshot ? { snapshot } : {})} />
          {plan.notes.length > 0 ? (
            <ul className="list-disc pl-5 text-xs text-muted-foreground">
              {plan.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {plan.unresolved.length > 0 ? (
            <p className="text-xs text-muted-foreground">
              Resolved at run time, shown as written:{" "}
              {plan.unresolved.map((p) => (
                <code key={p.raw} className="mr-1">
                  {p.raw}
                </code>
              ))}
            </p>
          ) : null}
          <h4 className="text-xs font-semibold text-muted-foreground uppercase">RunTask request</h4>
          <Json value={plan.runTaskRequest} label="RunTask request" />
          <h4 className="text-xs font-semibold text-muted-foreground uppercase">
            Task definition (
            {plan.taskDefinition.source === "existing" ? "existing" : "registered by the worker"})
          </h4>
          <Json
            value={
              plan.taskDefinition.source === "existing"
                ? (plan.taskDefinition.definition ?? plan.taskDefinition.arn)
                : plan.taskDefinition.definition
            }
            label="Task definition"
          />
        </>
      )}
    </section>
  );
}
