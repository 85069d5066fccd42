"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Label, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import {
  RunTaskPreview,
  type PreviewDeployment,
} from "@/components/template-editor/runtask-preview";
import { runChecks, type CheckResult, type Diagnostic } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject, Mode } from "@/lib/template/types";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { counted } from "@/lib/template/counted";

const MODES = [
  { mode: "hybrid", title: "Hybrid worker (ecs)" },
  { mode: "push", title: "Push pool (ecs:push)" },
] as const satisfies readonly { mode: Mode; title: string }[];

export interface ModeComparisonProps {
  poolName: string;
  poolType: string;
  template: JsonObject;
  deployments: PreviewDeployment[];
  snapshot?: ClusterSnapshot;
}

type Verdicts = Record<"hybrid" | "push", CheckResult>;

function check(
  template: JsonObject,
  snapshot: ClusterSnapshot | undefined,
  jobVariables?: JsonObject,
): Verdicts {
  const run = (mode: Mode) =>
    runChecks({
      template,
      mode,
      ...(jobVariables ? { jobVariables } : {}),
      ...(snapshot ? { snapshot } : {}),
    });
  return { hybrid: run("hybrid"), push: run("push") };
}

const count = (ds: readonly Diagnostic[], severity: Diagnostic["severity"]) =>
  ds.filter((d) => d.severity === severity).length;

function Counts({ result, label }: { result: CheckResult; label: string }) {
  const errors = count(result.diagnostics, "error");
  const warnings = count(result.diagnostics, "warning");
  return (
    <span aria-label={label} className="flex flex-wrap gap-1">
      <Badge tone={errors > 0 ? "destructive" : "success"}>{counted(errors, "error")}</Badge>
      <Badge tone={warnings > 0 ? "warning" : "neutral"}>{counted(warnings, "warning")}</Badge>
    </span>
  );
}

function DiagnosticList({
  diagnostics,
  label,
}: {
  diagnostics: readonly Diagnostic[];
  label: string;
}) {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  if (shown.length === 0) {
    return (
      <p aria-label={label} className="text-sm text-success">
        No errors or warnings.
      </p>
    );
  }
  return (
    <ul aria-label={label} className="grid gap-1.5">
      {shown.map((d, i) => (
        <li
          key={`${d.rule}-${d.document}-${d.path}-${i}`}
          data-rule={d.rule}
          data-severity={d.severity}
          className={
            d.severity === "error"
              ? "rounded border border-destructive/30 bg-destructive-muted px-2 py-1 text-xs"
              : "rounded border border-warning/40 bg-warning-muted px-2 py-1 text-xs"
          }
        >
          <span className="font-semibold">{d.severity}</span>{" "}
          <code className="text-[11px]">{d.rule}</code>{" "}
          <span className="text-muted-foreground">
            ({d.document} <code>{d.path || "/"}</code>)
          </span>{" "}
          <span className="block">{d.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** The chosen pool's checks and RunTask preview under hybrid and push, for its defaults and each deployment. */
export function ModeComparison({
  poolName,
  poolType,
  template,
  deployments,
  snapshot,
}: ModeComparisonProps) {
  const [deploymentId, setDeploymentId] = useState("");
  const rows = useMemo(
    () => [
      { id: "", name: "Pool defaults only", verdicts: check(template, snapshot) },
      ...deployments.map((d) => ({
        id: d.id,
        name: `Deployment ${d.name}`,
        verdicts: check(template, snapshot, d.jobVariables),
      })),
    ],
    [template, deployments, snapshot],
  );
  const selected = rows.find((r) => r.id === deploymentId) ?? rows[0]!;
  const poolDefaults = rows[0]!.verdicts;
  const current = modeOfPoolType(poolType);
  return (
    <div className="grid gap-4">
      <Table aria-label={`Checks of ${poolName} in both modes`}>
        <thead>
          <tr>
            <Th scope="col">Values from</Th>
            {MODES.map((m) => (
              <Th scope="col" key={m.mode}>
                {m.title}
                {m.mode === current ? " · current" : ""}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id || "defaults"}
              className={row.id === deploymentId ? "bg-muted/60" : undefined}
            >
              <Th scope="row" className="text-foreground">
                {row.name}
              </Th>
              {MODES.map((m) => (
                <Td key={m.mode}>
                  <Counts result={row.verdicts[m.mode]} label={`${row.name} in ${m.mode} mode`} />
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="grid max-w-md gap-1">
        <Label htmlFor="compare-values">Show checks and RunTask for</Label>
        <NativeSelect
          id="compare-values"
          value={deploymentId}
          onChange={(e) => setDeploymentId(e.target.value)}
        >
          {rows.map((r) => (
            <option key={r.id || "defaults"} value={r.id}>
              {r.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {MODES.map((m) => (
          <section
            key={m.mode}
            aria-label={`${m.title} mode`}
            className="grid content-start gap-3 rounded-lg border border-border p-3"
          >
            <h3 className="text-sm font-semibold">
              {m.title}
              {m.mode === current ? (
                <Badge className="ml-2">current</Badge>
              ) : (
                <Badge tone="info" className="ml-2">
                  if you switched
                </Badge>
              )}
            </h3>
            <DiagnosticList
              diagnostics={selected.verdicts[m.mode].diagnostics}
              label={`Checks in ${m.mode} mode`}
            />
            <RunTaskPreview
              poolResult={poolDefaults[m.mode]}
              doc={template}
              mode={m.mode}
              {...(snapshot ? { snapshot } : {})}
              deployments={deployments}
              deploymentId={deploymentId}
              onDeploymentChange={setDeploymentId}
              showDeploymentSelect={false}
              showJobVariableProblems={false}
              label={`RunTask preview in ${m.mode} mode`}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
