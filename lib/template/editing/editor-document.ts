/**
 * One parse of the editor's text per edit, shared by everything that reads it: the form (the
 * value), the checks (the parsed JSON, or where it broke) and Monaco's markers (the jsonc tree,
 * built on first use and then kept). Typing runs this once; nothing downstream parses the text again.
 */
import type { Node } from "jsonc-parser";
import { parseJsonText, type ParsedJson } from "@/lib/template/json-text";
import type { DocumentKind, JsonPointer } from "@/lib/template/types";
import { documentTree, pointerRangeIn } from "./document-model";

export interface EditorDocument {
  readonly text: string;
  readonly parsed: ParsedJson;
  /** the jsonc tree of `text` (undefined when it does not parse), built at most once */
  tree(): Node | undefined;
}

/** Parses the editor's text once. Over `maxChars` it is not parsed (a 5 MB paste would stall typing). */
export function parseEditorDocument(text: string, maxChars = Infinity): EditorDocument {
  const parsed: ParsedJson =
    text.length > maxChars
      ? { ok: false, offset: 0, line: 1, column: 1, reason: "the template is too large to check" }
      : parseJsonText(text);
  let root: Node | undefined | null = null;
  return {
    text,
    parsed,
    tree() {
      if (root === null) root = parsed.ok ? documentTree(text) : undefined;
      return root;
    },
  };
}

/** What markerRanges needs of a check diagnostic (lib/checks' Diagnostic has it). */
interface Located {
  rule: string;
  document: DocumentKind;
  path: JsonPointer;
}

/** Where each template diagnostic sits in the document's text, for editor markers. */
export function markerRanges<D extends Located>(
  document: EditorDocument,
  diagnostics: readonly D[],
): { diagnostic: D; offset: number; length: number }[] {
  return diagnostics.flatMap((diagnostic) => {
    // Monaco's own JSON parser marks syntax errors precisely; ours would duplicate them
    if (diagnostic.document !== "template" || diagnostic.rule === "template/invalid-json")
      return [];
    const where = pointerRangeIn(document.tree(), diagnostic.path);
    return where ? [{ diagnostic, offset: where.offset, length: where.length }] : [];
  });
}
