"use client";

import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type Ref,
} from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { errorMessage } from "@/lib/template/error-message";
import { cn } from "@/lib/utils";
import type { JsonEditorProps } from "./json-editor";

/**
 * The document as plain, editable text: until Monaco takes over, and for good if Monaco cannot
 * load. Every change goes to the page like Monaco's do, so the form and the checks follow it, and
 * Monaco starts from it (with its selection and focus, json-editor.tsx). Read-only until it has
 * hydrated: React puts the server's text back into a text area when it hydrates it, so anything
 * typed before then would be lost.
 */
function PlainText({
  label,
  text,
  onTextChange,
  area,
  live,
  covering,
  failure,
  onRetry,
}: {
  label: string;
  text: string;
  onTextChange(text: string): void;
  area: Ref<HTMLTextAreaElement>;
  /** hydrated: it takes input (a moment after it shows, so one status line says it all) */
  live: boolean;
  /** over Monaco while it is being created (it takes the pane once it is ready) */
  covering: boolean;
  failure?: string;
  onRetry?(): void;
}) {
  return (
    <div className={cn("flex h-full flex-col bg-card", covering && "absolute inset-0 z-10")}>
      {failure ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-2 bg-destructive-muted px-3 py-1 text-xs"
        >
          The JSON editor could not be loaded: {failure}. The text below and the form still edit the
          template.
          <Button type="button" size="sm" variant="ghost" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : (
        // over the text's top right corner, so the lines sit where Monaco will draw them; not a
        // live region, as the page's other "reading…" notes (a failure above is one)
        <p className="pointer-events-none absolute top-1 right-4 bg-card/90 px-2 text-xs text-muted-foreground">
          Plain text until the JSON editor has loaded…
        </p>
      )}
      <textarea
        ref={area}
        aria-label={label}
        value={text}
        readOnly={!live}
        onChange={(e) => onTextChange(e.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        className="min-h-0 flex-1 resize-none bg-card px-3 pb-3 font-mono text-[13px] leading-[18px] outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
      />
    </div>
  );
}

type Editor = ComponentType<JsonEditorProps>;

const importEditor = () => import("./json-editor").then((m): Editor => m.default);

export interface MonacoPaneProps extends JsonEditorProps {
  /** the document's text while Monaco does not have it (the plain-text stage shows and edits it) */
  plainText: string | undefined;
}

/**
 * Monaco, imported once this pane has hydrated. On the pool page the pane hydrates after the form
 * (editor-side.tsx), so the form works first, and Monaco's chunks are fetched from here: preloaded
 * by the page's HTML instead, their 3.2 MB competed with the form's own load on two cores (the form
 * came ~90 ms later; BENCHMARKS.md, "Monaco fetched when the pane hydrates"). Importing here rather
 * than at the first idle moment lets the editor come before the page's other later-hydrated parts
 * (the header's links, the deployments): its update outranks their idle-priority hydration.
 *
 * Until Monaco is ready the pane is a plain text area over the same document (PlainText), so the
 * JSON can be edited as soon as the pane has hydrated. Monaco is rendered once its module has
 * loaded, never suspended on: a lazy component would show its fallback and then commit as a
 * Suspense retry, which React holds until 300 ms after the fallback appeared (its fallback
 * throttle), however soon Monaco is ready.
 */
export const MonacoPane = memo(function MonacoPane({ plainText, ...props }: MonacoPaneProps) {
  const [editor, setEditor] = useState<{ Editor: Editor } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const live = useHydrated();
  const area = useRef<HTMLTextAreaElement>(null);
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
  const replaces = useCallback(() => area.current, []);
  return (
    <div className="relative h-full">
      {editor ? <editor.Editor {...props} replaces={replaces} /> : null}
      {plainText === undefined ? null : (
        <PlainText
          label={props.label}
          text={plainText}
          onTextChange={props.onTextChange}
          area={area}
          live={live}
          covering={editor !== null}
          {...(failure ? { failure, onRetry: retry } : {})}
        />
      )}
    </div>
  );
});
