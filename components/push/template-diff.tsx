"use client";

/**
 * Monaco's diff editor over two JSON texts, from the same locally bundled Monaco as the template
 * editor (setupMonaco: never a CDN). Loaded with next/dynamic and ssr: false by TemplateDiff.
 */
import { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { setupMonaco } from "@/components/template-editor/monaco-setup";

export interface TemplateDiffViewProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
}

function subscribeTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains("dark");

setupMonaco();

/** Read-only side-by-side diff (stored left, edited right). */
export default function TemplateDiffView(props: TemplateDiffViewProps) {
  const dark = useSyncExternalStore(subscribeTheme, isDark, () => false);
  // @monaco-editor/react disposes the two models before the diff widget that still shows them,
  // and Monaco reports that as an uncaught "TextModel got disposed before DiffEditorWidget model
  // got reset" whenever the dialog closes. We keep the models past its cleanup and release them in
  // the right order: a layout effect's cleanup runs before the library's passive one.
  const editorRef = useRef<Parameters<DiffOnMount>[0] | null>(null);
  useLayoutEffect(
    () => () => {
      const editor = editorRef.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <div className="flex h-full flex-col">
      <div className="grid grid-cols-2 border-b border-border bg-muted text-xs font-medium text-muted-foreground">
        <span className="px-3 py-1">{props.originalLabel}</span>
        <span className="px-3 py-1">{props.modifiedLabel}</span>
      </div>
      <div className="min-h-0 flex-1" data-testid="template-diff">
        <DiffEditor
          original={props.original}
          modified={props.modified}
          language="json"
          theme={dark ? "vs-dark" : "vs"}
          keepCurrentOriginalModel
          keepCurrentModifiedModel
          onMount={(editor) => {
            editorRef.current = editor;
          }}
          options={{
            readOnly: true,
            originalEditable: false,
            renderSideBySide: true,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            fontSize: 12,
            automaticLayout: true,
            // long templates: show the changes with a little context, unchanged runs folded
            hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5 },
          }}
        />
      </div>
    </div>
  );
}
