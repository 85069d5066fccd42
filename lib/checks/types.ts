/**
 * The contract every rule in `lib/checks` follows. Pure and isomorphic: the editor runs rules on
 * every keystroke, server actions before every push, and the CLI in CI pipelines.
 */
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { FamilyPeer } from "@/lib/template/registration";
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
  /** other fixes for the same problem, when there is more than one way (offered after `fix`) */
  alternativeFixes?: Fix[];
}

export interface CheckInput {
  /** the base job template as edited (may be any JSON: rules must not assume its shape) */
  template: JsonValue;
  /** a deployment's job_variables, when checking a deployment */
  jobVariables?: JsonValue;
  /** the cluster the template targets; cluster-aware rules report that they were skipped without it */
  snapshot?: ClusterSnapshot;
  mode: Mode;
  /** what the registration prediction needs beyond the template, when the caller knows it */
  registration?: {
    /** job variables that flow runs of the deployment set for themselves */
    perRunJobVariables?: string[];
    /** other deployments registering into the same family */
    peers?: FamilyPeer[];
  };
  /** limits that bound how many runs start at once: the work pool's and the deployment's */
  concurrency?: ConcurrencyLimits;
}

/** The limits on how many runs start at once (null: no limit); ecs/burst-exceeds-capacity sizes a burst by the smaller. */
export interface ConcurrencyLimits {
  pool?: number | null;
  deployment?: number | null;
}
