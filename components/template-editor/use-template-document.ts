"use client";

/**
 * The document state of the editor. The JSON text is the source of truth; the parsed value the
 * form shows is the last text that parsed, so invalid JSON never wipes the form.
 */
import { useCallback, useRef, useState } from "react";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { parseJsonText, type ParsedJson } from "@/lib/template/json-text";
import type { JsonPointer, JsonValue } from "@/lib/template/types";
import { applyOps, type DocumentOp } from "@/lib/template/editing/document-model";
import type { JsonEditorHandle } from "./json-editor";

export interface TemplateDocument {
  text: string;
  parsed: ParsedJson;
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
}

// A text over the limit is not parsed on every keystroke (a 5 MB paste would stall typing); the
// form keeps the last value and is read-only, like for invalid JSON.
const NOT_PARSED: ParsedJson = {
  ok: false,
  offset: 0,
  line: 1,
  column: 1,
  reason: "the template is too large to check",
};
const parseUnlessTooLarge = (text: string): ParsedJson =>
  text.length > MAX_DOCUMENT_CHARS ? NOT_PARSED : parseJsonText(text);

/** State of one template document shared by the form, Monaco, checks and preview. */
export function useTemplateDocument(originalText: string): TemplateDocument {
  const [state, setState] = useState(() => {
    const parsed = parseUnlessTooLarge(originalText);
    return { text: originalText, parsed, value: parsed.ok ? parsed.value : ({} as JsonValue) };
  });
  const textRef = useRef(originalText);
  const [editor, setEditorState] = useState<JsonEditorHandle | null>(null);
  const editorRef = useRef<JsonEditorHandle | null>(null);

  const setText = useCallback((next: string) => {
    setState((prev) => {
      if (prev.text === next) return prev;
      const parsed = parseUnlessTooLarge(next);
      return { text: next, parsed, value: parsed.ok ? parsed.value : prev.value };
    });
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
      if (!parseUnlessTooLarge(textRef.current).ok) return;
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
  };
}
