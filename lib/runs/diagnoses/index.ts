/** Run diagnoses: the catalog and `diagnose`, which runs every rule over one run. */
import type { JsonValue } from "@/lib/template/types";

import type { RunDiagnosis, RunFlowRun, RunTaskLookup } from "../types";
import { RUN_DIAGNOSES } from "./catalog";
import { RULES, type DiagnosisContext } from "./rules";

export {
  RUN_DIAGNOSES,
  runDiagnosisInfo,
  type RunDiagnosisId,
  type RunDiagnosisInfo,
} from "./catalog";
export { flowContainerName, type DiagnosisContext } from "./rules";

/** Rules whose finding already explains a "Failed to submit" crash (RunTask's own failures). */
const EXPLAINS_SUBMISSION = new Set(["run/no-capacity", "run/subnet-exhausted"]);

/** Every diagnosis that fits the run, in catalog order. */
export function diagnose(
  flowRun: RunFlowRun,
  task: RunTaskLookup,
  template: JsonValue,
  ctx: DiagnosisContext,
): RunDiagnosis[] {
  const out: RunDiagnosis[] = [];
  for (const { id } of RUN_DIAGNOSES) {
    if (id === "run/submission-crashed" && out.some((d) => EXPLAINS_SUBMISSION.has(d.rule)))
      continue;
    const found = RULES[id](flowRun, task, template, ctx);
    if (found) out.push(found);
  }
  return out;
}
