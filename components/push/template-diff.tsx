"use client";

/**
 * Monaco's diff editor over two JSON texts, from the same locally bundled Monaco as the template
 * editor (setupMonaco: never a CDN). Loaded with next/dynamic and ssr: false by TemplateDiff.
 *
 * We drive Monaco's diff editor directly rather than through @monaco-editor/react's DiffEditor,
 * because closing the view must release things in an order that component cannot give:
 * - The diff editor's view model computes the diff in the editor worker. Monaco disposes a view
 *   model it created itself only through a reference count that never reaches zero, so a diff still
 *   being computed when the view closed came back empty for models that were gone, and Monaco threw
 *   an uncaught "no diff result available" (closing the dialog right after a push did). Creating
 *   the view model here lets us dispose it, which cancels that computation, before the models.
 * - Disposing the models while the widget still showed them threw "TextModel got disposed before
 *   DiffEditorWidget model got reset".
 */
import { useLayoutEffect, useRef } from "react";
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import { useDarkTheme } from "@/components/shell/use-dark-theme";
import { setupMonaco } from "@/components/template-editor/monaco-setup";

export interface TemplateDiffViewProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
}

const monaco = setupMonaco();

const OPTIONS: Monaco.editor.IStandaloneDiffEditorConstructionOptions = {
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 12,
  automaticLayout: true,
  // highlighting a word's other occurrences serves editing, not reading a diff
  occurrencesHighlight: "off",
  // long templates: show the changes with a little context, unchanged runs folded
  hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5 },
};

/**
 * Monaco's two themes with the diff's colours and a few JSON token colours adjusted so that every
 * token keeps WCAG AA contrast (4.5:1) on the marked lines. Monaco stacks a changed-text tint over
 * the changed-line tint: in light, blue JSON strings on the doubled red were 4.0:1 and green
 * numbers on inserted text 3.5:1; in dark, orange strings on the doubled green were 2.8:1. The
 * tints here are about half as strong and the three token colours a little darker (light) or
 * lighter (dark). setTheme is global to Monaco, so a template editor on the same page takes these
 * themes too; they differ from "vs" and "vs-dark" only in these colours.
 */
const THEMES = { light: "pooldeck-diff-light", dark: "pooldeck-diff-dark" } as const;
monaco.editor.defineTheme(THEMES.light, {
  base: "vs",
  inherit: true,
  rules: [{ token: "number", foreground: "056b46" }],
  colors: {
    "diffEditor.removedLineBackground": "#ff00001a",
    "diffEditor.removedTextBackground": "#ff00001c",
  },
});
monaco.editor.defineTheme(THEMES.dark, {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "string.value.json", foreground: "e0aa8e" },
    { token: "keyword.json", foreground: "80b6ea" },
  ],
  colors: {
    "diffEditor.insertedLineBackground": "#9bb9551a",
    "diffEditor.insertedTextBackground": "#9ccc2c26",
    "diffEditor.removedLineBackground": "#ff00001f",
    "diffEditor.removedTextBackground": "#ff000026",
  },
});

/** Names the two sides' text inputs for screen readers, as the column labels name them on screen. */
function ariaLabels(labels: Pick<TemplateDiffViewProps, "originalLabel" | "modifiedLabel">) {
  return {
    originalAriaLabel: `${labels.originalLabel} (left side of the diff)`,
    modifiedAriaLabel: `${labels.modifiedLabel} (right side of the diff)`,
  };
}

/** Shows `text` in `model` unless it already does (setValue would reset the view for nothing). */
function show(model: Monaco.editor.ITextModel | undefined, text: string) {
  if (model && model.getValue() !== text) model.setValue(text);
}

/** Read-only side-by-side diff (stored left, edited right). */
export default function TemplateDiffView(props: TemplateDiffViewProps) {
  const dark = useDarkTheme();
  const hostRef = useRef<HTMLDivElement>(null);
  const modelsRef = useRef<Monaco.editor.IDiffEditorModel | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneDiffEditor | null>(null);
  // the texts at mount; later ones reach the models through the effects below
  const initial = useRef(props);

  useLayoutEffect(() => {
    const editor = monaco.editor.createDiffEditor(hostRef.current!, {
      ...OPTIONS,
      ...ariaLabels(initial.current),
    });
    editorRef.current = editor;
    const models = {
      original: monaco.editor.createModel(initial.current.original, "json"),
      modified: monaco.editor.createModel(initial.current.modified, "json"),
    };
    const viewModel = editor.createViewModel(models);
    editor.setModel(viewModel);
    modelsRef.current = models;
    return () => {
      editorRef.current = null;
      modelsRef.current = null;
      editor.setModel(null);
      viewModel.dispose();
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, []);

  useLayoutEffect(() => show(modelsRef.current?.original, props.original), [props.original]);
  useLayoutEffect(() => show(modelsRef.current?.modified, props.modified), [props.modified]);
  const { originalLabel, modifiedLabel } = props;
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const labels = ariaLabels({ originalLabel, modifiedLabel });
    editor.getOriginalEditor().updateOptions({ ariaLabel: labels.originalAriaLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: labels.modifiedAriaLabel });
  }, [originalLabel, modifiedLabel]);
  useLayoutEffect(() => monaco.editor.setTheme(dark ? THEMES.dark : THEMES.light), [dark]);

  return (
    <div className="flex h-full flex-col">
      <div className="grid grid-cols-2 border-b border-border bg-muted text-xs font-medium text-muted-foreground">
        <span className="px-3 py-1">{props.originalLabel}</span>
        <span className="px-3 py-1">{props.modifiedLabel}</span>
      </div>
      <div className="min-h-0 flex-1" data-testid="template-diff" ref={hostRef} />
    </div>
  );
}
