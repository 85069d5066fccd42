"use client";

/**
 * The template editor's right-hand side: Monaco over the document, and below it the checks and
 * the RunTask preview as tabs. Hydrated after the toolbar and the form (see HydrateLater).
 */
import { useState } from "react";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { lazyPart } from "@/components/ui/lazy-part";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { Diagnostic } from "@/lib/checks";
import { tally } from "@/lib/checks/tally";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue, Mode } from "@/lib/template/types";
import { ChecksPanel } from "./checks-panel";
import { MonacoPane, type MonacoPaneProps } from "./monaco-pane";
import type { PreviewDeployment } from "./runtask-preview";
import type { TimedCheckResult } from "./use-checks";

// the preview runs the check engine per deployment; it loads with the engine, after the page
const RunTaskPreview = lazyPart(
  () => import("./runtask-preview").then((m) => m.RunTaskPreview),
  <RenderingPreview />,
);

function RenderingPreview() {
  return (
    <p role="status" className="text-sm text-muted-foreground">
      Rendering the RunTask request…
    </p>
  );
}

export interface EditorSideProps {
  monaco: MonacoPaneProps;
  checks: TimedCheckResult;
  /** why the text is not checked (over the size limit), if it is not */
  tooLarge: string | undefined;
  onReveal(d: Diagnostic): void;
  onFix(d: Diagnostic): void;
  canFix: boolean;
  doc: JsonValue;
  mode: Mode;
  snapshot: ClusterSnapshot | undefined;
  deployments: PreviewDeployment[];
}

/** Monaco, and the checks and RunTask preview tabs. */
export function EditorSide(props: EditorSideProps) {
  const { checks, tooLarge } = props;
  const [tab, setTab] = useState("checks");
  const [deploymentId, setDeploymentId] = useState("");
  return (
    <div className="grid gap-3 lg:sticky lg:top-16 lg:h-[calc(100vh-5rem)] lg:grid-rows-[minmax(320px,58fr)_minmax(0,42fr)]">
      {/* hydrated with the form: its plain text takes input as soon as the form does */}
      <div
        className="h-[55vh] min-h-80 overflow-hidden rounded-lg border border-border lg:h-auto"
        data-testid="json-pane"
      >
        <MonacoPane {...props.monaco} />
      </div>
      {/* hydrated after the toolbar and the form's first section (see HydrateLater) */}
      <HydrateLater>
        <Tabs value={tab} onValueChange={setTab} className="flex min-h-0 flex-col gap-2">
          <TabsList className="self-start">
            <TabsTrigger value="checks">
              {/* one text node with its space: Chromium drops a lone " " after server-rendered text
                  from the tab's accessible name ("Checks0 errors"; docs/design.md) */}
              {"Checks "}
              <span className="ml-1 tabular-nums" data-testid="checks-count">
                {tooLarge
                  ? "not checked"
                  : checks.pending
                    ? "checking…"
                    : tally(checks.diagnostics)}
              </span>
            </TabsTrigger>
            <TabsTrigger value="preview">RunTask preview</TabsTrigger>
          </TabsList>
          <TabsContent value="checks" className="min-h-0 overflow-auto">
            {tooLarge ? (
              <p role="status" className="text-sm text-muted-foreground">
                {tooLarge}
              </p>
            ) : checks.engineError ? (
              <p role="alert" className="text-sm text-destructive">
                {checks.engineError}
              </p>
            ) : checks.pending ? (
              <p role="status" className="text-sm text-muted-foreground">
                Checking the template…
              </p>
            ) : (
              <ChecksPanel
                diagnostics={checks.diagnostics}
                skipped={checks.skipped}
                ms={checks.ms}
                onReveal={props.onReveal}
                onFix={props.onFix}
                canFix={props.canFix}
              />
            )}
          </TabsContent>
          <TabsContent value="preview" className="min-h-0 overflow-auto">
            {checks.fromServer || checks.pending ? (
              // the server's result has no plan; the browser renders one when it is idle
              <RenderingPreview />
            ) : (
              <RunTaskPreview
                poolResult={checks}
                doc={props.doc}
                mode={props.mode}
                {...(props.snapshot ? { snapshot: props.snapshot } : {})}
                deployments={props.deployments}
                deploymentId={deploymentId}
                onDeploymentChange={setDeploymentId}
              />
            )}
          </TabsContent>
        </Tabs>
      </HydrateLater>
    </div>
  );
}
