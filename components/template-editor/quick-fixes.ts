/**
 * The bridge between our diagnostics and Monaco's code actions: the editor publishes the current
 * diagnostics per model, the code action provider (registered once, globally) asks for the fixes
 * that touch a range. Pure apart from the module-level registry.
 */
import type { Diagnostic } from "@/lib/checks/types";
import {
  applyOps,
  minimalEdit,
  offsetToLineColumn,
  pointerRange,
  pointerRangeIn,
  type TextEdit,
} from "@/lib/template/editing/document-model";
import type { EditorDocument } from "@/lib/template/editing/editor-document";

interface RangeLike {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

const registry = new Map<
  string,
  { diagnostics: readonly Diagnostic[]; document: EditorDocument | undefined }
>();

/**
 * Publishes the diagnostics of one model (the template document) for the code action provider,
 * with the editor's parse of the text they were found in (its jsonc tree places the fixes).
 */
export function publishDiagnostics(
  modelUri: string,
  diagnostics: readonly Diagnostic[],
  document?: EditorDocument,
): void {
  registry.set(modelUri, { diagnostics, document });
}

/** Forgets a model's diagnostics when its editor unmounts. */
export function clearDiagnostics(modelUri: string): void {
  registry.delete(modelUri);
}

/** The text edit that applies a diagnostic's fix (or the given alternative) to `text`, or undefined when there is nothing to do. */
export function fixEdit(
  text: string,
  diagnostic: Diagnostic,
  fix = diagnostic.fix,
): TextEdit | undefined {
  if (!fix || fix.document !== "template") return undefined;
  return minimalEdit(text, applyOps(text, fix.edits));
}

function intersects(text: string, offset: number, length: number, range: RangeLike): boolean {
  const a = offsetToLineColumn(text, offset);
  const b = offsetToLineColumn(text, offset + length);
  const beforeEnd =
    a.line < range.endLineNumber || (a.line === range.endLineNumber && a.column <= range.endColumn);
  const afterStart =
    b.line > range.startLineNumber ||
    (b.line === range.startLineNumber && b.column >= range.startColumn);
  return beforeEnd && afterStart;
}

/** Fixes whose diagnostic's range touches `range` in the model's current text. */
export function findQuickFixes(
  modelUri: string,
  range: RangeLike,
  text: string,
): { rule: string; title: string; edit: TextEdit }[] {
  const out: { rule: string; title: string; edit: TextEdit }[] = [];
  const entry = registry.get(modelUri);
  // the editor's tree when it is of this text; a text still on its way to the page is parsed here
  const document = entry?.document?.text === text ? entry.document : undefined;
  for (const diagnostic of entry?.diagnostics ?? []) {
    if (!diagnostic.fix || diagnostic.document !== "template") continue;
    const where = document
      ? pointerRangeIn(document.tree(), diagnostic.path)
      : pointerRange(text, diagnostic.path);
    if (!where || !intersects(text, where.offset, where.length, range)) continue;
    for (const fix of [diagnostic.fix, ...(diagnostic.alternativeFixes ?? [])]) {
      const edit = fixEdit(text, diagnostic, fix);
      if (edit) out.push({ rule: diagnostic.rule, title: fix.title, edit });
    }
  }
  return out;
}
