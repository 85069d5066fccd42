/**
 * The contract every rule in `lib/checks` follows. Pure and isomorphic: the editor runs rules on
 * every keystroke, server actions before every push, and the CLI in CI pipelines.
 */
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { DocumentKind, FixEdit, JsonPointer, JsonValue, Mode } from "@/lib/template/types";

export type Severity = "error" | "warning" | "info";

export type { FixEdit } from "@/lib/template/types";

export interface Fix {
  /** imperative and specific, e.g. "Remove launchType from task_run_request" */
  title: string;
  document: DocumentKind;
  edits: FixEdit[];
}

export interface Diagnostic {
  /** stable rule id from the check catalog, e.g. "ecs/launch-type-and-capacity-provider-strategy" */
  rule: string;
  severity: Severity;
  /** which document `path` points into */
  document: DocumentKind;
  /** JSON pointer of the offending value; "" for the whole document */
  path: JsonPointer;
  /** a sentence a person understands: what is wrong, why AWS/Prefect cares, what to do */
  message: string;
  fix?: Fix;
}

export interface CheckInput {
  /** the base job template as edited (may be any JSON: rules must not assume its shape) */
  template: JsonValue;
  /** a deployment's job_variables, when checking a deployment */
  jobVariables?: JsonValue;
  /** the cluster the template targets; cluster-aware rules report that they were skipped without it */
  snapshot?: ClusterSnapshot;
  mode: Mode;
}
