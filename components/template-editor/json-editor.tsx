"use client";

/**
 * The Monaco half of the editor. Uncontrolled on purpose: it gets the text once at mount and
 * afterwards changes only through `JsonEditorHandle.replaceText` (minimal `executeEdits` between
 * undo stops), so form edits, presets and fixes keep the user's cursor, selection and undo history.
 */
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useDarkTheme } from "@/components/shell/use-dark-theme";
import type { Diagnostic } from "@/lib/checks/types";
import type { JsonObject } from "@/lib/template/types";
import { minimalEdit, pointerRange } from "@/lib/template/editing/document-model";
import {
  markerRanges,
  parseEditorDocument,
  type EditorDocument,
} from "@/lib/template/editing/editor-document";
import { jsonDefaults, setupMonaco } from "./monaco-setup";
import { clearDiagnostics, publishDiagnostics } from "./quick-fixes";

const monaco = setupMonaco();

export interface JsonEditorHandle {
  /** Replaces the document with `text` as one undoable edit. */
  replaceText(text: string): void;
  /** Selects the range a pointer addresses and moves the cursor there. */
  reveal(pointer: string): void;
  undo(): void;
}

export interface JsonEditorProps {
  modelPath: string;
  initialText: string;
  diagnostics: readonly Diagnostic[];
  schema: JsonObject;
  onTextChange(text: string): void;
  onReady(handle: JsonEditorHandle | null): void;
  /** the document's text right now (it may have changed while Monaco was loading) */
  getCurrentText?: () => string;
  /** the editor's parsed document right now: markers reuse its tree instead of parsing the text */
  getDocument?: () => EditorDocument;
  /** the editor's accessible name (Monaco's, and the plain-text stage's before it) */
  label: string;
  /** the plain text area Monaco replaces (monaco-pane.tsx): its selection and focus carry over */
  replaces?: () => HTMLTextAreaElement | null;
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

// @monaco-editor/react calls updateOptions whenever the options change identity: they are
// memoized on what varies (the measured size, once; the label)
const EDITOR_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  // completion comes from the template's schema; words from the document would only add noise
  wordBasedSuggestions: "off" as const,
  fixedOverflowWidgets: true,
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
};

/** Monaco's key for "Tab moves the focus" (toggleTabFocusMode: Ctrl+M, Ctrl+Shift+M on a Mac) */
const TAB_FOCUS_KEY = /Mac|iPhone|iPad/.test(navigator.platform) ? "Ctrl+Shift+M" : "Ctrl+M";

/**
 * Monaco takes the user's place from the plain text area it replaces, in one task, so no keystroke
 * falls between them: the area stops taking input (inert: no focus, no clicks, out of the
 * accessibility tree) until the pane removes it, and if it had the focus, Monaco gets it with the
 * same selection. The text is the same: both show the page's document.
 */
function takeOver(editor: Parameters<OnMount>[0], area: HTMLTextAreaElement) {
  const focused = document.activeElement === area;
  area.inert = true;
  const model = editor.getModel();
  if (!focused || !model) return;
  const anchor = model.getPositionAt(area.selectionStart);
  const head = model.getPositionAt(area.selectionEnd);
  const [from, to] = area.selectionDirection === "backward" ? [head, anchor] : [anchor, head];
  editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
  editor.revealPositionInCenterIfOutsideViewport(to);
  editor.focus();
}

/**
 * Makes the editor's text `text` by the smallest edit, between undo stops (one step for Undo), and
 * returns the range the new text fills (null when nothing changed).
 */
function editText(editor: Parameters<OnMount>[0], text: string) {
  const model = editor.getModel();
  const edit = model && minimalEdit(model.getValue(), text);
  if (!model || !edit) return null;
  const range = monaco.Range.fromPositions(
    model.getPositionAt(edit.offset),
    model.getPositionAt(edit.offset + edit.length),
  );
  editor.pushUndoStop();
  editor.executeEdits("pooldeck", [{ range, text: edit.content, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  return monaco.Range.fromPositions(
    model.getPositionAt(edit.offset),
    model.getPositionAt(edit.offset + edit.content.length),
  );
}

export default function JsonEditor(props: JsonEditorProps) {
  const { modelPath, diagnostics, schema, onTextChange, onReady, getDocument } = props;
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const [mounted, setMounted] = useState(false);
  const onTextChangeRef = useRef(onTextChange);
  useEffect(() => {
    onTextChangeRef.current = onTextChange;
  }, [onTextChange]);
  const dark = useDarkTheme();
  const modelUri = monaco.Uri.parse(modelPath).toString();
  // @monaco-editor/react creates the editor in a container hidden until it is ready, where Monaco
  // measures 0×0 and shows the lines only frames later, once its resize observer sees the real
  // size; the pane's size, measured before the editor is created, lets it lay out the lines at once
  const box = useRef<HTMLDivElement>(null);
  const [dimension, setDimension] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el) setDimension({ width: el.clientWidth, height: el.clientHeight });
  }, []);
  const ariaLabel = props.label;
  const options = useMemo(
    () => ({ ...EDITOR_OPTIONS, ariaLabel, ...(dimension ? { dimension } : {}) }),
    [dimension, ariaLabel],
  );

  useEffect(() => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      trailingCommas: "error",
      schemaValidation: "ignore",
      enableSchemaRequest: false,
      schemas: [{ uri: "pooldeck://schema/base-job-template.json", fileMatch: [modelUri], schema }],
    });
  }, [schema, modelUri]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    // the page's document is the model's text unless an edit is still on its way to the page
    const current = getDocument?.();
    if (!model) {
      publishDiagnostics(modelUri, diagnostics, current);
      return;
    }
    const text = model.getValue();
    const document = current?.text === text ? current : parseEditorDocument(text);
    publishDiagnostics(modelUri, diagnostics, document);
    const markers = markerRanges(document, diagnostics).map(({ diagnostic: d, offset, length }) => {
      const start = model.getPositionAt(offset);
      const end = model.getPositionAt(offset + length);
      return {
        severity: severities[d.severity],
        message: d.message,
        source: "pooldeck",
        code: d.rule,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
    monaco.editor.setModelMarkers(model, "pooldeck", markers);
  }, [diagnostics, modelUri, mounted, getDocument]);

  useEffect(() => () => clearDiagnostics(modelUri), [modelUri]);

  const hintId = useId();
  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    // screen readers read the Tab hint with the editor's name (Monaco has no option for it)
    editor
      .getDomNode()
      ?.querySelector('[role="textbox"]')
      ?.setAttribute("aria-describedby", hintId);
    // what changed while Monaco was loading (the plain text, the form, a restored draft) is one
    // undoable edit on top of the saved text, so Undo can take it back
    const latest = props.getCurrentText?.();
    if (latest !== undefined) editText(editor, latest);
    const area = props.replaces?.();
    if (area) takeOver(editor, area);
    setMounted(true);
    editor.onDidChangeModelContent(() => onTextChangeRef.current(editor.getValue()));
    onReady({
      replaceText(text) {
        const changed = editText(editor, text);
        // show what a form edit, preset or fix changed, without taking the focus from the form
        if (changed) editor.revealRangeInCenterIfOutsideViewport(changed);
      },
      reveal(pointer) {
        const model = editor.getModel();
        const where = model && pointerRange(model.getValue(), pointer);
        if (!model || !where) return;
        const range = monaco.Range.fromPositions(
          model.getPositionAt(where.offset),
          model.getPositionAt(where.offset + where.length),
        );
        editor.setSelection(range);
        editor.revealRangeInCenterIfOutsideViewport(range);
        editor.focus();
      },
      undo() {
        editor.trigger("pooldeck", "undo", null);
      },
    });
  };

  useEffect(() => () => onReady(null), [onReady]);

  return (
    // Monaco sizes itself in pixels from this box: containment keeps that size from feeding back
    // into the box's own width (a pane once wider would stay wider, past a narrow screen)
    <div ref={box} className="group relative h-full w-full [contain:inline-size]">
      <Editor
        height="100%"
        language="json"
        path={modelPath}
        defaultValue={props.initialText}
        theme={dark ? "vs-dark" : "vs"}
        onMount={handleMount}
        options={options}
      />
      {/* Tab indents in a code editor: while the editor has the focus, say how to leave it */}
      <p
        id={hintId}
        className="pointer-events-none absolute right-5 bottom-2 z-10 hidden rounded-sm border border-border bg-card px-1.5 text-[11px] text-muted-foreground group-focus-within:block"
      >
        {TAB_FOCUS_KEY}: Tab moves focus
      </p>
    </div>
  );
}
