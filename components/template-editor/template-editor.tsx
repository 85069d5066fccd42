"use client";

/**
 * The base job template editor: form and Monaco over one JSON text, live checks, presets, mode
 * switch, RunTask preview and drafts. Pages hydrate it with the pool, and optionally the cluster
 * snapshot, the pool's deployments and the server's first check results.
 */
import { lazyPart } from "@/components/ui/lazy-part";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import type { Diagnostic } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { EditorToolbar } from "./editor-toolbar";
import { TemplateEditorContext, type TemplateEditorState } from "./editor-context";
import { applyOps } from "@/lib/template/editing/document-model";
import { EditorSide } from "./editor-side";
import type { PreviewDeployment } from "./runtask-preview";
import { TemplateForm } from "./template-form";
import { whenIdle } from "@/lib/browser/when-idle";
import { useChecks, type CheckedDocument, type ServerCheckResult } from "./use-checks";
import { useClusterSnapshot, type ClusterData, type SnapshotLoader } from "./use-cluster-snapshot";
import { useDraft } from "./use-draft";
import { useTemplateDocument } from "./use-template-document";
import { isObject as isObjectValue } from "@/lib/template/editing/form-model";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { clusterOfRequest } from "@/lib/template/target-cluster";

/**
 * The draft banner shows only once a draft has been restored (read from localStorage after
 * hydration) or the text has been edited, so it is not in the page's first JavaScript: it is
 * fetched at the first idle moment, before it is needed (BENCHMARKS.md, route JavaScript).
 * lazyPart gives it a Suspense boundary of its own: without it, the editor would be swapped
 * for the page's skeleton, and Monaco lose focus, until it loads.
 */
const loadDraftBanner = () => import("./draft-banner").then((m) => m.DraftBanner);
const DraftBanner = lazyPart(loadDraftBanner);

export interface TemplateEditorProps {
  /** `concurrencyLimit`: the pool's limit on runs starting at once (ecs/burst-exceeds-capacity) */
  pool: { name: string; type: string; isNew?: boolean; concurrencyLimit?: number | null };
  /** identifies the Prefect server, so drafts of same-named pools on two servers stay apart */
  serverKey: string;
  initialText: string;
  /** the template's cluster as the server read it; a promise when it streams in after the page */
  cluster: ClusterData | Promise<ClusterData>;
  /** loads the snapshot of another cluster when the user picks one */
  loadSnapshot?: SnapshotLoader;
  deployments?: PreviewDeployment[];
  /** the page's actions (e.g. "Update pool"), shown in the toolbar; they read the state with useTemplateEditorState */
  actions?: ReactNode;
  /** names the draft when the pool has no name yet (a pool being created) */
  draftName?: string;
  /**
   * The server's check results for `initialText` without a cluster snapshot, per mode: the editor
   * hydrates with them instead of running the engine first (BENCHMARKS.md, form editable).
   */
  initialChecks?: Partial<Record<Mode, ServerCheckResult>>;
  /** a JSON pointer to select in the JSON editor once it has loaded (a run diagnosis's link) */
  revealAt?: string;
}

/** The editor people live in: see the module comment. */
export function TemplateEditor(props: TemplateEditorProps) {
  const { pool, serverKey, initialText, deployments = [], actions } = props;
  const [originalText, setOriginalText] = useState(initialText);
  const doc = useTemplateDocument(originalText);
  const [mode, setMode] = useState<Mode>(modeOfPoolType(pool.type));
  // the cluster the checks' own plan targets (not known until the browser's first check run)
  const [cluster, setCluster] = useState<string | null | undefined>(undefined);
  const { snapshot, problem, loading, clusters, presetState } = useClusterSnapshot(
    cluster,
    props.cluster,
    props.loadSnapshot,
  );
  const holdWarmUp = useHoldUntilEditor(doc.editor !== null);
  const { checks, verdicts } = useBothModes(
    doc.document,
    mode,
    snapshot,
    props.initialChecks,
    pool.concurrencyLimit ?? null,
    holdWarmUp,
  );
  const planned = checks.plan ? clusterOfRequest(checks.plan.runTaskRequest) : cluster;
  if (planned !== cluster) setCluster(planned);
  const draft = useDraft({ serverKey, pool: props.draftName ?? pool.name, doc });
  useEffect(() => whenIdle(() => void loadDraftBanner().catch(() => {}), 2_000), []);
  // Monaco revalidates on every schema change; only variables shape the schema, so key on them
  // (`?? null`: a template without variables, such as Prefect's `{}`, still keys as JSON text)
  const variablesKey = JSON.stringify(
    isObjectValue(doc.value) ? (doc.value.variables ?? null) : null,
  );
  const schema = useTemplateSchema(variablesKey);
  const {
    replaceText,
    setAt,
    apply,
    onEditorText,
    setEditor,
    editor,
    currentText,
    currentDocument,
  } = doc;
  const reveal = useCallback(
    (d: Diagnostic) => (d.document === "template" ? editor?.reveal(d.path) : undefined),
    [editor],
  );
  // once, when Monaco is ready: select the line a link pointed at (`?at=<pointer>`)
  const pendingReveal = useRef(props.revealAt);
  useEffect(() => {
    if (!editor || !pendingReveal.current) return;
    editor.reveal(pendingReveal.current);
    pendingReveal.current = undefined;
  }, [editor]);
  const fix = useCallback(
    (d: Diagnostic) => {
      if (d.fix?.document === "template") replaceText(applyOps(currentText(), d.fix.edits));
    },
    [replaceText, currentText],
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
  const { parsed } = doc;
  const tooLarge = doc.tooLarge ? tooLargeMessage(doc.text.length) : undefined;
  const jsonError = useMemo(
    () =>
      parsed.ok || doc.tooLarge
        ? undefined
        : { line: parsed.line, column: parsed.column, reason: parsed.reason },
    [parsed, doc.tooLarge],
  );
  const markSaved = useCallback(
    (text: string) => {
      setOriginalText(text);
      draft.clear();
    },
    [draft],
  );
  const state = editorState(pool, doc, checks.diagnostics, mode, originalText, markSaved);
  return (
    <TemplateEditorContext.Provider value={state}>
      <div className="grid gap-4">
        <EditorToolbar
          value={formValue}
          canEdit={parsed.ok}
          apply={apply}
          editor={editor}
          mode={mode}
          onModeChange={setMode}
          verdicts={verdicts}
          notChecked={Boolean(tooLarge)}
          snapshotState={presetState}
          actions={actions}
        />
        {draft.restored || doc.dirty ? <DraftBanner draft={draft} dirty={doc.dirty} /> : null}
        {/* a section, not a div: Orca follows a select whose value a JSON edit changes unless the
            select and the caret share a section (docs/design.md, "The form's selects during a JSON
            edit") */}
        <section className="grid items-start gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <div className="grid gap-4">
            <SnapshotStatus problem={problem} loading={loading} />
            <TemplateForm ctx={formCtx} jsonError={jsonError} tooLarge={tooLarge} />
          </div>
          <EditorSide
            monaco={{
              modelPath: `pooldeck://template/${encodeURIComponent(pool.name || "new")}.json`,
              label: "Base job template JSON",
              initialText: originalText,
              diagnostics: checks.diagnostics,
              schema,
              onTextChange: onEditorText,
              onReady: setEditor,
              getCurrentText: currentText,
              getDocument: currentDocument,
              // the pane's plain-text stage edits the document until Monaco has it
              plainText: editor ? undefined : doc.text,
            }}
            checks={checks}
            tooLarge={tooLarge}
            onReveal={reveal}
            onFix={fix}
            canFix={parsed.ok}
            doc={formValue}
            mode={mode}
            snapshot={snapshot}
            deployments={deployments}
          />
        </section>
      </div>
    </TemplateEditorContext.Provider>
  );
}

/** What the pieces placed in the editor's slots (e.g. "Update pool") read of it. */
function editorState(
  pool: TemplateEditorProps["pool"],
  doc: ReturnType<typeof useTemplateDocument>,
  diagnostics: Diagnostic[],
  mode: Mode,
  savedText: string,
  markSaved: (text: string) => void,
): TemplateEditorState {
  return {
    poolName: pool.name,
    poolType: pool.type,
    isNew: Boolean(pool.isNew),
    text: doc.text,
    value: doc.parsed.ok ? doc.parsed.value : undefined,
    diagnostics,
    mode,
    dirty: doc.dirty,
    savedText,
    markSaved,
  };
}

/**
 * Why the cluster-aware checks are not running yet (the cluster is being read) or at all. Only the
 * outcome is a live region: a screen reader is told why the checks are skipped, not that a read
 * started (on every page load).
 */
function SnapshotStatus({ problem, loading }: { problem?: string; loading: boolean }) {
  if (!problem && !loading) return null;
  return (
    <p
      role={loading ? undefined : "status"}
      className="rounded-md border border-border bg-muted px-3 py-2 text-xs text-muted-foreground"
    >
      {loading ? "Reading the cluster…" : problem}
    </p>
  );
}

const NO_SCHEMA: JsonObject = {};

/**
 * Monaco's completion schema for the document's variables (JSON text). Its module (the template's
 * shape and every key's description) loads after hydration, out of the page's first JavaScript:
 * Monaco, its only user, mounts at the first idle moment and takes the schema when it arrives.
 */
function useTemplateSchema(variablesKey: string): JsonObject {
  const [schema, setSchema] = useState(NO_SCHEMA);
  useEffect(() => {
    let live = true;
    import("./template-json-schema").then(
      ({ templateJsonSchema }) => {
        if (live)
          setSchema(templateJsonSchema({ variables: JSON.parse(variablesKey) as JsonValue }));
      },
      // offline or a new deployment: the editor works without completion from the schema
      () => {},
    );
    return () => {
      live = false;
    };
  }, [variablesKey]);
  return schema;
}

/** How long the checks' warm-up waits for the JSON editor at most (a slow or failed Monaco load). */
const WARM_UP_HOLD_MS = 3_000;

/**
 * True until the JSON editor has mounted (or WARM_UP_HOLD_MS have passed): the checks' warm-up
 * run over the server's result waits meanwhile, so that loading the check engine does not delay
 * Monaco's creation, which follows Monaco's own evaluation on the main thread.
 */
function useHoldUntilEditor(mounted: boolean): boolean {
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), WARM_UP_HOLD_MS);
    return () => clearTimeout(timer);
  }, []);
  return !mounted && !timedOut;
}

/**
 * The checks of the mode shown (the markers and panel) and of the other mode (a summary in the
 * toolbar: it runs when the browser is idle, so it never delays a keystroke or the markers), both
 * on the editor's one parse.
 */
function useBothModes(
  document: CheckedDocument,
  mode: Mode,
  snapshot: ClusterSnapshot | undefined,
  initial: TemplateEditorProps["initialChecks"],
  concurrencyLimit: number | null,
  holdWarmUp: boolean,
) {
  const checks = useChecks(document, mode, snapshot, {
    initial: initial?.[mode],
    concurrencyLimit,
    holdWarmUp,
  });
  const otherMode: Mode = mode === "push" ? "hybrid" : "push";
  const otherChecks = useChecks(document, otherMode, snapshot, {
    debounceMs: 500,
    idle: true,
    deferFirst: true,
    initial: initial?.[otherMode],
    concurrencyLimit,
    holdWarmUp,
  });
  const other = otherChecks.pending ? null : otherChecks.diagnostics;
  const verdicts = useMemo(
    () => ({
      hybrid: mode === "hybrid" ? checks.diagnostics : other,
      push: mode === "push" ? checks.diagnostics : other,
      raw: [],
    }),
    [mode, checks.diagnostics, other],
  );
  return { checks, verdicts };
}

/** Why a text over the action limit is only kept: the same 1 MB the server actions accept. */
function tooLargeMessage(chars: number): string {
  const mb = (chars / 1024 / 1024).toFixed(2);
  return `The template is ${mb} MB; Pooldeck checks and pushes templates up to ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB. Your text is kept in the editor, but it is not checked live and cannot be pushed until it is smaller.`;
}
