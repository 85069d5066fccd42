"use client";

/**
 * What the editor shares with pieces placed in its slots (the "Update pool" action reads the
 * current text and diagnostics from here and calls `markSaved` after a successful push).
 */
import { createContext, useContext } from "react";
import type { Diagnostic } from "@/lib/checks";
import type { JsonValue, Mode } from "@/lib/template/types";

export interface TemplateEditorState {
  poolName: string;
  poolType: string;
  isNew: boolean;
  text: string;
  /** the parsed text, or undefined while the JSON does not parse */
  value: JsonValue | undefined;
  diagnostics: readonly Diagnostic[];
  mode: Mode;
  /** the text differs from what was loaded (or last saved) */
  dirty: boolean;
  /** the text as loaded from Prefect, or as last saved there */
  savedText: string;
  /** the text now stored in Prefect is `text`: clears the draft and the unsaved-changes prompt */
  markSaved(text: string): void;
}

export const TemplateEditorContext = createContext<TemplateEditorState | null>(null);

/** The surrounding template editor's state; throws outside one. */
export function useTemplateEditorState(): TemplateEditorState {
  const state = useContext(TemplateEditorContext);
  if (!state) throw new Error("useTemplateEditorState must be used inside <TemplateEditor>");
  return state;
}
