/**
 * ecs/task-definition-churn: the worker would register a new task definition revision for every
 * flow run (lib/template/registration.ts). Families fill with thousands of revisions and runs that
 * start together hit RegisterTaskDefinition's rate limit ("Too many concurrent attempts").
 */
import { hybridPlanOf } from "@/lib/template/ecs-run";
import {
  latestFromSnapshot,
  matchLatestOf,
  perRunValuesIn,
  predictRegistration,
  type RegistrationPrediction,
} from "@/lib/template/registration";
import type { BaseJobTemplate } from "@/lib/template/schema";
import type { CheckContext } from "../context";
import { skip, type Rule } from "../rule";
import type { Fix } from "../types";

/** The family a fixed-family fix proposes when the template has none of its own. */
export const FIXED_FAMILY = "prefect-flows";

const predictions = new WeakMap<CheckContext, RegistrationPrediction | { skipped: string }>();

/** The prediction for the checked template / deployment, or why there is none (once per check run). */
export function registrationPrediction(
  ctx: CheckContext,
): RegistrationPrediction | { skipped: string } {
  let p = predictions.get(ctx);
  if (!p) {
    p = predict(ctx);
    predictions.set(ctx, p);
  }
  return p;
}

function predict(ctx: CheckContext): RegistrationPrediction | { skipped: string } {
  if (ctx.mode === "raw") return { skipped: "raw mode models no worker" };
  const plan = ctx.plan;
  if (!plan) return { skipped: ctx.planError ?? "the template does not render" };
  // push pools run the same worker code, as a fresh process per run: its prepared definition,
  // from the same rendering (a 1 MB template is not rendered twice)
  const hybrid =
    ctx.mode === "hybrid"
      ? plan
      : hybridPlanOf(plan, ctx.snapshot ? { snapshot: ctx.snapshot } : {});
  const td = hybrid.taskDefinition;
  const family =
    td.source === "registered" && typeof td.definition.family === "string"
      ? td.definition.family
      : "";
  return predictRegistration({
    taskDefinition: td.source === "registered" ? td : { source: "existing", arn: td.arn },
    mode: ctx.mode,
    matchLatest: matchLatestOf(hybrid.configuration),
    // without a snapshot the latest revision is unknown; "none" only changes "reuses" verdicts
    latest: latestFromSnapshot(ctx.snapshot, family) ?? "none",
    perRunValues: perRunValuesIn(
      ctx.template as unknown as BaseJobTemplate,
      ctx.input.registration?.perRunJobVariables ?? [],
    ),
    ...(ctx.input.registration?.peers ? { peers: ctx.input.registration.peers } : {}),
  });
}

function fixes(ctx: CheckContext, p: RegistrationPrediction): Fix[] {
  const out: Fix[] = [];
  const already = ctx.plan ? matchLatestOf(ctx.plan.configuration) : false;
  const matchLatest = already
    ? undefined
    : ctx.setConfigFix(
        ["match_latest_revision_in_family"],
        true,
        "Set match_latest_revision_in_family to true",
      );
  if (matchLatest) out.push(matchLatest);
  // a per-deployment generated family ("prefect_<pool>_<deployment>") or one shared: a fixed one
  const family = ctx.setConfigFix(
    ["task_definition", "family"],
    FIXED_FAMILY,
    `Use the fixed family "${FIXED_FAMILY}"`,
  );
  if (family && (already || matchLatest?.document === family.document)) {
    out.push({
      title: `Use the fixed family "${FIXED_FAMILY}"${already ? "" : " with match_latest_revision_in_family"}`,
      document: family.document,
      edits: [...family.edits, ...(matchLatest ? matchLatest.edits : [])],
    });
  }
  const latest = latestFromSnapshot(ctx.snapshot, p.family);
  const arn = ctx.snapshot?.taskDefinitions.find(
    (td) => td.family === p.family && latest !== null && latest !== "none",
  )?.arn;
  if (arn) {
    const pin = ctx.setConfigFix(
      ["task_run_request", "taskDefinition"],
      arn,
      `Pin task_definition_arn to ${p.family}:${latest !== null && latest !== "none" ? latest.revision : ""}`,
    );
    if (pin) out.push(pin);
  }
  return out;
}

export const taskDefinitionChurn: Rule = {
  id: "ecs/task-definition-churn",
  summary: "The worker registers a new task definition revision on every run.",
  needs: "plan",
  run(ctx) {
    const p = registrationPrediction(ctx);
    if ("skipped" in p) return skip(p.skipped);
    if (p.kind !== "every-run") return [];
    const location = ctx.configLocation(["match_latest_revision_in_family"]);
    const [fix, ...alternativeFixes] = fixes(ctx, p);
    return [
      {
        rule: this.id,
        severity: "warning",
        document: location.document,
        path: location.pointer,
        message: `The worker registers a new revision of ${p.family} on every run: ${p.reason} Families fill with revisions and runs that start together hit RegisterTaskDefinition's rate limit ("Too many concurrent attempts"). Set match_latest_revision_in_family, use a fixed family, or pin task_definition_arn.`,
        ...(fix ? { fix } : {}),
        ...(alternativeFixes.length > 0 ? { alternativeFixes } : {}),
      },
    ];
  },
};
