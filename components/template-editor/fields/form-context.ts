import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonPointer, JsonValue } from "@/lib/template/types";
import type { DocumentOp } from "@/lib/template/editing/document-model";

/** What every form section needs: the last valid document and the ways to change it. */
export interface FormContext {
  doc: JsonValue;
  setAt(pointer: JsonPointer, value: JsonValue | undefined): void;
  apply(ops: DocumentOp[]): void;
  snapshot?: ClusterSnapshot;
  /** cluster names of the region, when they could be listed */
  clusters?: string[];
}
