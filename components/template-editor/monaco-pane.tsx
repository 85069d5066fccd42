"use client";

import { memo, useCallback, useEffect, useState, type ComponentType } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/template/error-message";
import type { JsonEditorProps } from "./json-editor";

/** The pane before Monaco is there: the document as text, or why the editor could not load. */
function Placeholder({
  text,
  failure,
  onRetry,
}: {
  text: string;
  failure?: string;
  onRetry?(): void;
}) {
  return (
    <div className="relative h-full overflow-auto bg-card">
      {failure ? (
        <div
          role="alert"
          className="sticky top-0 flex flex-wrap items-center gap-2 bg-destructive-muted px-3 py-1 text-xs"
        >
          The JSON editor could not be loaded: {failure}. The form still edits the template.
          <Button type="button" size="sm" variant="ghost" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : (
        <p
          role="status"
          className="sticky top-0 bg-card/90 px-3 py-1 text-xs text-muted-foreground"
        >
          Loading the JSON editor…
        </p>
      )}
      <pre className="px-3 pb-3 font-mono text-xs text-muted-foreground">{text}</pre>
    </div>
  );
}

type Editor = ComponentType<JsonEditorProps>;

const importEditor = () => import("./json-editor").then((m): Editor => m.default);

/**
 * Monaco, imported once this pane has hydrated. On the pool page the pane hydrates after the form
 * (editor-side.tsx), so the form works first; Monaco's chunks have downloaded by then (the page
 * preloads them, without running them, while it hydrates: monaco-preload.tsx). Importing here rather
 * than at the first idle moment lets the editor come before the page's other later-hydrated parts
 * (the header's links, the deployments): its update outranks their idle-priority hydration.
 *
 * The editor is rendered once its module has loaded, never suspended on: a lazy component would
 * show its fallback and then commit as a Suspense retry, which React holds until 300 ms after the
 * fallback appeared (its fallback throttle), however soon Monaco is ready. Until then the pane
 * shows the document's text.
 */
export const MonacoPane = memo(function MonacoPane(props: JsonEditorProps) {
  const [editor, setEditor] = useState<{ Editor: Editor } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const settle = useCallback(
    (loading: Promise<Editor>) =>
      loading.then(
        (Editor) => setEditor({ Editor }),
        (error: unknown) => setFailure(errorMessage(error)),
      ),
    [],
  );
  useEffect(() => {
    void settle(importEditor());
  }, [settle]);
  const retry = () => {
    setFailure(null);
    void settle(importEditor());
  };
  // the placeholder shows the loaded text; Monaco takes the current text at mount (getCurrentText)
  if (!editor) {
    return (
      <Placeholder text={props.initialText} {...(failure ? { failure, onRetry: retry } : {})} />
    );
  }
  return <editor.Editor {...props} />;
});
