"use client";

/**
 * The document state of the editor. The JSON text is the source of truth; the parsed value the
 * form shows is the last text that parsed, so invalid JSON never wipes the form.
 */
import { useCallback, useRef, useState } from "react";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import type { ParsedJson } from "@/lib/template/json-text";
import { parseEditorDocument, type EditorDocument } from "@/lib/template/editing/editor-document";
import type { JsonPointer, JsonValue } from "@/lib/template/types";
import { applyOps, type DocumentOp } from "@/lib/template/editing/document-model";
import type { JsonEditorHandle } from "./json-editor";

export interface TemplateDocument {
  text: string;
  parsed: ParsedJson;
  /** the text parsed once (value, and the jsonc tree on demand) for checks and markers */
  document: EditorDocument;
  /** the value of the last text that parsed (the form's state) */
  value: JsonValue;
  /** the text is over MAX_DOCUMENT_CHARS: not parsed, checked or pushed, only kept */
  tooLarge: boolean;
  /** the text of the pool as loaded (for "unsaved changes") */
  originalText: string;
  dirty: boolean;
  /** set the whole text (one undoable edit in Monaco when it is mounted) */
  replaceText(text: string): void;
  /** apply RFC 6902 operations as minimal text edits */
  apply(ops: DocumentOp[]): void;
  /** set (or with undefined remove) one value */
  setAt(pointer: JsonPointer, value: JsonValue | undefined): void;
  /** Monaco's callback: the user typed */
  onEditorText(text: string): void;
  setEditor(handle: JsonEditorHandle | null): void;
  editor: JsonEditorHandle | null;
  /**
   * The text as it is now, an update still on its way to the screen included (a restored draft
   * is set in an effect and renders later): what Monaco must start from when it mounts.
   */
  currentText(): string;
  /** the latest parse, of the text as it is now or of an edit on its way back from Monaco */
  currentDocument(): EditorDocument;
}

// A text over the limit is not parsed on every keystroke (a 5 MB paste would stall typing); the
// form keeps the last value and is read-only, like for invalid JSON.
const parse = (text: string): EditorDocument => parseEditorDocument(text, MAX_DOCUMENT_CHARS);

/** State of one template document shared by the form, Monaco, checks and preview. */
export function useTemplateDocument(originalText: string): TemplateDocument {
  const [state, setState] = useState(() => {
    const document = parse(originalText);
    const { parsed } = document;
    return {
      text: originalText,
      parsed,
      document,
      value: parsed.ok ? parsed.value : ({} as JsonValue),
    };
  });
  const textRef = useRef(originalText);
  // the latest parse, so a form edit on the current text does not parse it again
  const documentRef = useRef(state.document);
  const [editor, setEditorState] = useState<JsonEditorHandle | null>(null);
  const editorRef = useRef<JsonEditorHandle | null>(null);

  const setText = useCallback((next: string) => {
    // parsed here, once, not in the updater (React may call an updater twice)
    if (documentRef.current.text === next) return;
    const document = parse(next);
    documentRef.current = document;
    const { parsed } = document;
    setState((prev) =>
      prev.text === next
        ? prev
        : { text: next, parsed, document, value: parsed.ok ? parsed.value : prev.value },
    );
  }, []);

  const onEditorText = useCallback(
    (next: string) => {
      textRef.current = next;
      setText(next);
    },
    [setText],
  );

  const replaceText = useCallback(
    (next: string) => {
      if (editorRef.current) {
        // Monaco reports the change back through onEditorText
        editorRef.current.replaceText(next);
      } else {
        textRef.current = next;
        setText(next);
      }
    },
    [setText],
  );

  const apply = useCallback(
    (ops: DocumentOp[]) => {
      // form edits on invalid JSON would be guesses about where to write; the form is read-only then
      const text = textRef.current;
      const document = documentRef.current.text === text ? documentRef.current : parse(text);
      if (!document.parsed.ok) return;
      replaceText(applyOps(textRef.current, ops));
    },
    [replaceText],
  );

  const setAt = useCallback(
    (pointer: JsonPointer, next: JsonValue | undefined) =>
      apply([
        next === undefined
          ? { op: "remove", path: pointer }
          : { op: "replace", path: pointer, value: next },
      ]),
    [apply],
  );

  const setEditor = useCallback((handle: JsonEditorHandle | null) => {
    editorRef.current = handle;
    setEditorState(handle);
  }, []);

  const currentText = useCallback(() => textRef.current, []);
  const currentDocument = useCallback(() => documentRef.current, []);

  return {
    ...state,
    tooLarge: state.text.length > MAX_DOCUMENT_CHARS,
    originalText,
    dirty: state.text !== originalText,
    replaceText,
    apply,
    setAt,
    onEditorText,
    setEditor,
    editor,
    currentText,
    currentDocument,
  };
}
