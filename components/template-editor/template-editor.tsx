"use client";

/**
 * The base job template editor: form and Monaco over one JSON text, live checks, presets, mode
 * switch, RunTask preview and drafts. Pages hydrate it with the pool, and optionally the cluster
 * snapshot, the pool's deployments and the server's first check results.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { MAX_DOCUMENT_CHARS } from "@/lib/actions/types";
import type { Diagnostic } from "@/lib/checks";
import type { Mode } from "@/lib/template/types";
import { ChecksPanel } from "./checks-panel";
import { DraftBanner } from "./draft-banner";
import { EditorToolbar } from "./editor-toolbar";
import { TemplateEditorContext, type TemplateEditorState } from "./editor-context";
import { applyOps } from "@/lib/template/editing/document-model";
import { MonacoPane } from "./monaco-pane";
import type { PreviewDeployment } from "./runtask-preview";
import { TemplateForm } from "./template-form";
import { templateJsonSchema } from "./template-json-schema";
import { useChecks, type ServerCheckResult } from "./use-checks";
import { useClusterSnapshot, type ClusterData, type SnapshotLoader } from "./use-cluster-snapshot";
import { useDraft } from "./use-draft";
import { useTemplateDocument } from "./use-template-document";
import { isObject as isObjectValue } from "@/lib/template/editing/form-model";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { clusterOfTemplate } from "@/lib/template/target-cluster";

// the preview runs the check engine per deployment; it loads with the engine, after the page
const RunTaskPreview = dynamic(() => import("./runtask-preview").then((m) => m.RunTaskPreview), {
  loading: () => <RenderingPreview />,
});

function RenderingPreview() {
  return (
    <p role="status" className="text-sm text-muted-foreground">
      Rendering the RunTask request…
    </p>
  );
}

export interface TemplateEditorProps {
  pool: { name: string; type: string; isNew?: boolean };
  /** identifies the Prefect server, so drafts of same-named pools on two servers stay apart */
  serverKey: string;
  initialText: string;
  /** the template's cluster as the server read it; a promise when it streams in after the page */
  cluster: ClusterData | Promise<ClusterData>;
  /** loads the snapshot of another cluster when the user picks one */
  loadSnapshot?: SnapshotLoader;
  deployments?: PreviewDeployment[];
  /** where issue 6's "Update pool" action goes; it reads the state with useTemplateEditorState */
  actions?: ReactNode;
  /** names the draft when the pool has no name yet (a pool being created) */
  draftName?: string;
  /**
   * The server's check results for `initialText` without a cluster snapshot, per mode: the editor
   * hydrates with them instead of running the engine first (BENCHMARKS.md, form editable).
   */
  initialChecks?: Partial<Record<Mode, ServerCheckResult>>;
}

/** The editor people live in: see the module comment. */
export function TemplateEditor(props: TemplateEditorProps) {
  const { pool, serverKey, initialText, deployments = [], actions } = props;
  const [originalText, setOriginalText] = useState(initialText);
  const doc = useTemplateDocument(originalText);
  const [mode, setMode] = useState<Mode>(modeOfPoolType(pool.type));
  const {
    snapshot,
    problem: snapshotProblem,
    loading: snapshotLoading,
    clusters,
  } = useClusterSnapshot(
    useMemo(() => clusterOfTemplate(doc.value, mode), [doc.value, mode]),
    props.cluster,
    props.loadSnapshot,
  );
  const checks = useChecks(doc.document, mode, snapshot, { initial: props.initialChecks?.[mode] });
  const otherMode: Mode = mode === "push" ? "hybrid" : "push";
  // the other mode's verdict is a summary in the toolbar: it may lag, so it never delays the markers
  const otherChecks = useChecks(doc.document, otherMode, snapshot, {
    debounceMs: 500,
    deferFirst: true,
    initial: props.initialChecks?.[otherMode],
  });
  const draft = useDraft({ serverKey, pool: props.draftName ?? pool.name, doc });
  const [deploymentId, setDeploymentId] = useState("");
  const [tab, setTab] = useState("checks");
  // Monaco revalidates on every schema change; only variables shape the schema, so key on them
  const variablesKey = JSON.stringify(isObjectValue(doc.value) ? doc.value.variables : null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- variablesKey stands for doc.value's variables
  const schema = useMemo(() => templateJsonSchema(doc.value), [variablesKey]);
  const textRef = useRef(doc.text);
  useEffect(() => {
    textRef.current = doc.text;
  }, [doc.text]);
  const getCurrentText = useCallback(() => textRef.current, []);
  const documentRef = useRef(doc.document);
  useEffect(() => {
    documentRef.current = doc.document;
  }, [doc.document]);
  const getDocument = useCallback(() => documentRef.current, []);

  const reveal = useCallback(
    (d: Diagnostic) => {
      if (d.document !== "template") return;
      doc.editor?.reveal(d.path);
    },
    [doc.editor],
  );
  const { replaceText, setAt, apply, onEditorText, setEditor } = doc;
  const fix = useCallback(
    (d: Diagnostic) => {
      if (!d.fix || d.fix.document !== "template") return;
      replaceText(applyOps(textRef.current, d.fix.edits));
    },
    [replaceText],
  );
  // Check results and the other mode's verdict re-render this component; the children below are
  // memoized on what they show, so only the ones whose input changed render again. The form is not
  // deferred: a controlled input whose value lags its own keystroke would drop characters.
  const formValue = doc.value;
  const formCtx = useMemo(
    () => ({
      doc: formValue,
      setAt,
      apply,
      ...(snapshot ? { snapshot } : {}),
      ...(clusters ? { clusters } : {}),
    }),
    [formValue, setAt, apply, snapshot, clusters],
  );
  const parsed = doc.parsed;
  const tooLarge = doc.tooLarge ? tooLargeMessage(doc.text.length) : undefined;
  const jsonError = useMemo(
    () =>
      parsed.ok || doc.tooLarge
        ? undefined
        : { line: parsed.line, column: parsed.column, reason: parsed.reason },
    [parsed, doc.tooLarge],
  );
  const other = otherChecks.pending ? null : otherChecks.diagnostics;
  const verdicts = useMemo(
    () => ({
      hybrid: mode === "hybrid" ? checks.diagnostics : other,
      push: mode === "push" ? checks.diagnostics : other,
      raw: [],
    }),
    [mode, checks.diagnostics, other],
  );

  const markSaved = useCallback(
    (text: string) => {
      setOriginalText(text);
      draft.clear();
    },
    [draft],
  );
  const state: TemplateEditorState = {
    poolName: pool.name,
    poolType: pool.type,
    isNew: Boolean(pool.isNew),
    text: doc.text,
    value: doc.parsed.ok ? doc.parsed.value : undefined,
    diagnostics: checks.diagnostics,
    mode,
    dirty: doc.dirty,
    savedText: originalText,
    markSaved,
  };
  const errors = checks.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = checks.diagnostics.filter((d) => d.severity === "warning").length;
  const modelPath = `pooldeck://template/${encodeURIComponent(pool.name || "new")}.json`;

  return (
    <TemplateEditorContext.Provider value={state}>
      <div className="grid gap-4">
        <EditorToolbar
          value={formValue}
          canEdit={parsed.ok}
          apply={apply}
          editor={doc.editor}
          mode={mode}
          onModeChange={setMode}
          verdicts={verdicts}
          notChecked={Boolean(tooLarge)}
          snapshot={snapshot}
          actions={actions}
        />
        <DraftBanner draft={draft} dirty={doc.dirty} />
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <div className="grid gap-4">
            {snapshotProblem || snapshotLoading ? (
              <p
                role="status"
                className="rounded-md border border-border bg-muted px-3 py-2 text-xs text-muted-foreground"
              >
                {snapshotLoading ? "Reading the cluster…" : snapshotProblem}
              </p>
            ) : null}
            <TemplateForm ctx={formCtx} jsonError={jsonError} tooLarge={tooLarge} />
          </div>
          <div className="grid gap-3 lg:sticky lg:top-16 lg:h-[calc(100vh-5rem)] lg:grid-rows-[minmax(320px,58fr)_minmax(0,42fr)]">
            {/* hydrated after the toolbar and the form's first section (see HydrateLater) */}
            <HydrateLater>
              <div
                className="h-[55vh] min-h-80 overflow-hidden rounded-lg border border-border lg:h-auto"
                data-testid="json-pane"
              >
                <MonacoPane
                  modelPath={modelPath}
                  initialText={originalText}
                  diagnostics={checks.diagnostics}
                  schema={schema}
                  onTextChange={onEditorText}
                  onReady={setEditor}
                  getCurrentText={getCurrentText}
                  getDocument={getDocument}
                />
              </div>
              <Tabs value={tab} onValueChange={setTab} className="flex min-h-0 flex-col gap-2">
                <TabsList className="self-start">
                  <TabsTrigger value="checks">
                    Checks{" "}
                    <span className="ml-1 tabular-nums" data-testid="checks-count">
                      {tooLarge
                        ? "not checked"
                        : checks.pending
                          ? "checking…"
                          : `${errors} errors · ${warnings} warnings`}
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
                      onReveal={reveal}
                      onFix={fix}
                      canFix={parsed.ok}
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
                      doc={formValue}
                      mode={mode}
                      {...(snapshot ? { snapshot } : {})}
                      deployments={deployments}
                      deploymentId={deploymentId}
                      onDeploymentChange={setDeploymentId}
                    />
                  )}
                </TabsContent>
              </Tabs>
            </HydrateLater>
          </div>
        </div>
      </div>
    </TemplateEditorContext.Provider>
  );
}

/** Why a text over the action limit is only kept: the same 1 MB the server actions accept. */
function tooLargeMessage(chars: number): string {
  const mb = (chars / 1024 / 1024).toFixed(2);
  return `The template is ${mb} MB; Pooldeck checks and pushes templates up to ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB. Your text is kept in the editor, but it is not checked live and cannot be pushed until it is smaller.`;
}
