/**
 * The editor's document model. The JSON text is the one source of truth: the form and presets
 * change it through minimal text edits (jsonc-parser `modify`), so Monaco keeps cursor, selection
 * and undo history, and formatting the user chose survives.
 */
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type Edit,
  type FormattingOptions,
  type JSONPath,
  type Node,
} from "jsonc-parser";
import { splitPointer } from "@/lib/template/pointer";
import type { FixEdit, JsonPointer, JsonValue } from "@/lib/template/types";

export type TextEdit = Edit;

/** One change a caller wants, in RFC 6902 terms (value undefined with "remove"). */
export type DocumentOp = FixEdit;

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: "\n" };

/** The jsonc syntax tree of a text (offsets of every value), parsed as strict JSON. */
export function documentTree(text: string): Node | undefined {
  return parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
}

/** Converts pointer tokens to a jsonc path, using numbers where the text has an array. */
function toPath(root: Node | undefined, tokens: string[]): JSONPath {
  const path: JSONPath = [];
  let node = root;
  for (const token of tokens) {
    if (node?.type === "array" && /^(\d+|-)$/.test(token)) {
      const index = token === "-" ? (node.children?.length ?? 0) : Number(token);
      path.push(index);
    } else {
      path.push(token);
    }
    node = node ? findNodeAtLocation(node, [path[path.length - 1]!]) : undefined;
  }
  return path;
}

/**
 * The text range a pointer addresses. A property's key is included so a marker covers
 * `"launchType": "EC2"`; a pointer to something absent falls back to its nearest existing
 * ancestor (`exact: false`), so a diagnostic about a missing key still lands somewhere useful.
 */
export function pointerRange(
  text: string,
  pointer: JsonPointer,
): { offset: number; length: number; exact: boolean } | undefined {
  return pointerRangeIn(documentTree(text), pointer);
}

/** pointerRange in an already parsed tree (documentTree), for many pointers into one text. */
export function pointerRangeIn(
  root: Node | undefined,
  pointer: JsonPointer,
): { offset: number; length: number; exact: boolean } | undefined {
  if (!root) return undefined;
  const tokens = splitPointer(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, toPath(root, tokens.slice(0, n)));
    if (!node) continue;
    const target = node.parent?.type === "property" ? node.parent : node;
    return { offset: target.offset, length: target.length, exact: n === tokens.length };
  }
  return undefined;
}

/** Edits that set (or, with `undefined`, remove) the value at `pointer`; parents are created. */
export function setValueEdits(
  text: string,
  pointer: JsonPointer,
  value: JsonValue | undefined,
): TextEdit[] {
  const root = documentTree(text);
  const path = toPath(root, splitPointer(pointer));
  if (path.length === 0) {
    return value === undefined
      ? []
      : [{ offset: 0, length: text.length, content: JSON.stringify(value, null, 2) }];
  }
  // removing what is not there must not touch the text (jsonc would still emit nothing, but be explicit)
  if (value === undefined && !(root && findNodeAtLocation(root, path))) return [];
  return modify(text, path, value, { formattingOptions: FORMAT });
}

/**
 * Turns RFC 6902 operations into batches of text edits; each batch is relative to the text the
 * previous batches produced (that is how Monaco applies consecutive `executeEdits` calls).
 */
export function planOps(text: string, ops: DocumentOp[]): { batches: TextEdit[][]; text: string } {
  const batches: TextEdit[][] = [];
  let current = text;
  for (const op of ops) {
    let edits: TextEdit[];
    if (op.op === "remove") {
      edits = setValueEdits(current, op.path, undefined);
    } else {
      const root = documentTree(current);
      const tokens = splitPointer(op.path);
      const parent = root ? findNodeAtLocation(root, toPath(root, tokens.slice(0, -1))) : undefined;
      if (op.op === "add" && parent?.type === "array") {
        edits = modify(current, toPath(root, tokens), op.value, {
          formattingOptions: FORMAT,
          isArrayInsertion: true,
        });
      } else {
        edits = setValueEdits(current, op.path, op.value);
      }
    }
    if (edits.length === 0) continue;
    batches.push(edits);
    current = applyEdits(current, edits);
  }
  return { batches, text: current };
}

/** Applies operations to text (for when Monaco is not mounted, and for tests). */
export function applyOps(text: string, ops: DocumentOp[]): string {
  return planOps(text, ops).text;
}

export { applyEdits };
// the editor and the checks count positions the same way
export { offsetToLineColumn } from "@/lib/template/json-text";

/**
 * The one edit that turns `before` into `after` (common prefix and suffix kept), so pushing a
 * whole-document change into Monaco touches only the characters that changed.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return {
    offset: start,
    length: before.length - start - end,
    content: after.slice(start, after.length - end),
  };
}
