"use client";

/**
 * One deployment's job_variables: Monaco (the template editor's pane, with the pool's variables as
 * its JSON Schema), the same checks panel and RunTask preview as the template editor, and "Save
 * job variables" through the updateDeploymentJobVariables action. A failure keeps the edit.
 */
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote } from "@/components/auth/sign-in-again";
import { PushFailure, TypedNameOverride, usePushFlow } from "@/components/push/push-flow";
import { ChecksPanel } from "@/components/template-editor/checks-panel";
import type { JsonEditorHandle } from "@/components/template-editor/json-editor";
import { MonacoPane } from "@/components/template-editor/monaco-pane";
import { RunTaskPreview } from "@/components/template-editor/runtask-preview";
import { Alert } from "@/components/ui/alert";
import { Announce } from "@/components/ui/announce";
import { Button } from "@/components/ui/button";
import { deploymentsChanged } from "./reread-deployments";
import { updateDeploymentJobVariables } from "@/lib/actions/update-deployment-job-variables";
import type { ActionFailure } from "@/lib/outcome/types";
import { checkJobVariablesText, parseJsonText, runChecks, type Diagnostic } from "@/lib/checks";
import { tally } from "@/lib/checks/tally";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { isObject } from "@/lib/template/pointer";

export interface JobVariablesEditorProps {
  poolName: string;
  template: JsonValue;
  mode: Mode;
  snapshot?: ClusterSnapshot;
  deployment: { id: string; name: string; updated: string | null; jobVariables: JsonObject };
}

type Outcome = { ok: true; changed: boolean } | { ok: false; failure: ActionFailure };

/** The job_variables editor of one deployment. */
export function JobVariablesEditor(props: JobVariablesEditorProps) {
  const { poolName, template, mode, snapshot, deployment } = props;
  const router = useRouter();
  const permission = usePushPermission();
  const initial = useMemo(
    () => JSON.stringify(deployment.jobVariables, null, 2),
    [deployment.jobVariables],
  );
  const [text, setText] = useState(initial);
  const [loadedUpdated, setLoadedUpdated] = useState(deployment.updated);
  const [clear, setClear] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const handle = useRef<JsonEditorHandle | null>(null);
  const textRef = useRef(text);
  const onText = useCallback((next: string) => {
    textRef.current = next;
    setText(next);
  }, []);
  const getCurrentText = useCallback(() => textRef.current, []);
  // a run diagnosis's link (`?deployment=<id>&at=<pointer>`): select that line once Monaco is ready
  const searchParams = useSearchParams();
  const pendingReveal = useRef(
    searchParams.get("deployment") === deployment.id ? searchParams.get("at") : null,
  );
  // until Monaco is ready, the pane edits the text as plain text
  const [monacoReady, setMonacoReady] = useState(false);
  const onReady = useCallback((h: JsonEditorHandle | null) => {
    handle.current = h;
    setMonacoReady(h !== null);
    if (h && pendingReveal.current) {
      h.reveal(pendingReveal.current);
      pendingReveal.current = null;
    }
  }, []);

  const options = useMemo(
    () => ({ template, mode, ...(snapshot ? { snapshot } : {}) }),
    [template, mode, snapshot],
  );
  const checks = useMemo(() => checkJobVariablesText(text, options), [text, options]);
  const poolResult = useMemo(() => runChecks(options), [options]);
  const parsed = parseJsonText(text);
  const value = parsed.ok && isObject(parsed.value) ? parsed.value : null;
  const previewDeployments = useMemo(
    () => (value ? [{ id: deployment.id, name: deployment.name, jobVariables: value }] : []),
    [value, deployment.id, deployment.name],
  );
  const schema = useMemo(
    () => (isObject(template) && isObject(template.variables) ? template.variables : {}),
    [template],
  );
  const errors = checks.diagnostics.filter((d) => d.severity === "error");
  const flow = usePushFlow(deployment.name, errors.length > 0);
  const emptying = value !== null && Object.keys(value).length === 0;
  const reveal = useCallback((d: Diagnostic) => {
    if (d.document === "job_variables") handle.current?.reveal(d.path);
  }, []);

  const save = () =>
    flow.send(
      (override) =>
        updateDeploymentJobVariables({
          id: deployment.id,
          poolName,
          jobVariables: textRef.current,
          loadedUpdated,
          ...(clear ? { clear: true } : {}),
          ...override,
        }),
      (result) => {
        if (result.ok) {
          setLoadedUpdated(result.data.updated);
          setOutcome({ ok: true, changed: result.data.changed });
          // the page's server-rendered parts, then the section's effective configurations and
          // verdicts
          router.refresh();
          deploymentsChanged(poolName);
        } else {
          setOutcome({ ok: false, failure: result });
        }
      },
    );

  const label = `job_variables of ${deployment.name}`;
  return (
    <div className="grid items-start gap-3 lg:grid-cols-2">
      <div className="grid content-start gap-2">
        <div
          className="h-64 overflow-hidden rounded-md border border-border"
          aria-label={label}
          role="group"
        >
          <MonacoPane
            modelPath={`pooldeck://job-variables/${deployment.id}.json`}
            initialText={initial}
            diagnostics={checks.diagnostics.filter((d) => d.document === "job_variables")}
            schema={schema}
            onTextChange={onText}
            onReady={onReady}
            getCurrentText={getCurrentText}
            plainText={monacoReady ? undefined : text}
            label={label}
          />
        </div>
        {emptying ? (
          <label className="flex items-center gap-2 text-xs">
            <input type="checkbox" checked={clear} onChange={(e) => setClear(e.target.checked)} />
            Clear all job variables (Prefect stores {"{}"}: the deployment then runs with the
            pool&apos;s defaults)
          </label>
        ) : null}
        <TypedNameOverride
          flow={flow}
          id={`override-${deployment.id}`}
          label={`To save with errors, type the deployment name (${deployment.name})`}
        />
        <div className="flex items-center gap-2">
          <Button
            type="button"
            variant="primary"
            size="sm"
            disabled={flow.pending || !parsed.ok || value === null || !permission.allowed}
            title={permission.reason ?? undefined}
            onClick={save}
          >
            {flow.pending ? "Saving…" : "Save job variables"}
          </Button>
          <PushDisabledNote reason={permission.reason} />
          {!parsed.ok ? (
            <span className="text-xs text-destructive">Fix the JSON first.</span>
          ) : null}
        </div>
        {outcome?.ok ? (
          <Alert
            tone="success"
            title={
              outcome.changed
                ? "Saved. Prefect stored exactly these job variables."
                : "Nothing to save: Prefect already stores these job variables."
            }
          />
        ) : outcome ? (
          <PushFailure title="Not saved" failure={outcome.failure} note="Your edit is unchanged." />
        ) : null}
      </div>
      <div className="grid content-start gap-3">
        <Announce text={`Checks of ${deployment.name}: ${tally(checks.diagnostics)}`} />
        <ChecksPanel
          label={`Checks of ${deployment.name}`}
          diagnostics={checks.diagnostics}
          skipped={checks.skipped}
          ms={null}
          onReveal={reveal}
          onFix={() => {}}
          canFix={false}
        />
        {value ? (
          <RunTaskPreview
            poolResult={poolResult}
            doc={template}
            mode={mode}
            {...(snapshot ? { snapshot } : {})}
            deployments={previewDeployments}
            deploymentId={deployment.id}
            onDeploymentChange={() => {}}
          />
        ) : (
          // the pool's defaults alone would read as this deployment's request, and its select as
          // "no deployments use this pool"
          <p role="status" className="text-sm text-muted-foreground">
            The RunTask preview comes back once job_variables is a valid JSON object.
          </p>
        )}
      </div>
    </div>
  );
}
