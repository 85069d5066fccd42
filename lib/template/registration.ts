/**
 * When the prefect-aws ECS worker registers a new task definition revision for a deployment
 * (ECSWorker._get_or_register_task_definition, prefect_aws/workers/ecs_worker.py):
 *
 * 1. task_run_request.taskDefinition (task_definition_arn) set → that ARN, never a registration.
 * 2. The worker process keeps an in-memory cache deployment id → ARN (_TASK_DEFINITION_CACHE),
 *    filled after every run. A cached ARN is used again when DescribeTaskDefinition says it is
 *    ACTIVE and it equals (task-definition-equality.ts) the task definition prepared for this run.
 * 3. Otherwise, with match_latest_revision_in_family, the family's latest ACTIVE revision is
 *    described and used when equal.
 * 4. Otherwise RegisterTaskDefinition.
 *
 * The cache lives as long as the worker process: a hybrid worker registers at most once per
 * start for a deployment whose task definition does not change between runs. A push pool has no
 * long-lived process (each run is handled like a fresh worker's first run), and a value that
 * changes from run to run (a flow run's own job variables feeding the task definition) misses the
 * cache every time.
 */
import { pyBool } from "./ecs-worker";
import { findPlaceholders, placeholderRoot } from "./placeholders";
import { isObject } from "./pointer";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { BaseJobTemplate } from "./schema";
import type { JsonObject } from "./types";
import { comparableTaskDefinition, pyEqual, taskDefinitionDiff } from "./task-definition-equality";

/** A revision as the comparison needs it: its number and its comparable view (no environment values). */
export interface LatestRevision {
  revision: number;
  comparable: JsonObject;
}

/** LatestRevision of a DescribeTaskDefinition answer. */
export function latestRevision(described: JsonObject): LatestRevision {
  return {
    revision: typeof described.revision === "number" ? described.revision : 0,
    comparable: comparableTaskDefinition(described),
  };
}

/** A deployment in the same family whose prepared task definition we know. */
export interface FamilyPeer {
  deployment: string;
  taskDefinition: JsonObject;
}

export interface RegistrationInput {
  /**
   * The task definition the worker prepares for a run of this deployment (prepareEcsRun in hybrid
   * mode, `taskDefinition.definition`), or the ARN pinned by task_definition_arn.
   */
  taskDefinition:
    { source: "registered"; definition: JsonObject } | { source: "existing"; arn: string };
  /** hybrid: a long-lived worker; push: every run is a fresh worker's first run */
  mode: "hybrid" | "push";
  /** match_latest_revision_in_family as the worker reads it */
  matchLatest: boolean;
  /**
   * The family's latest ACTIVE revision (DescribeTaskDefinition(family), see latestRevision) or
   * "none" when the family has none.
   */
  latest: LatestRevision | "none";
  /** names of the values in the task definition that change from run to run (empty: none) */
  perRunValues: string[];
  /** other deployments that register into the same family */
  peers?: FamilyPeer[];
}

export type RegistrationPrediction =
  | {
      kind: "reuses";
      family: string;
      revision: number;
      /** true when the next run registers `revision` first (the latest differs or there is none) */
      registersFirst: boolean;
      reason: string;
      diff?: string[];
    }
  | {
      kind: "per-worker-start";
      family: string;
      reason: string;
      diff?: string[];
      flipFlopWith?: string[];
    }
  | { kind: "every-run"; family: string; reason: string; diff?: string[]; flipFlopWith?: string[] };

function familyFromArn(arn: string): { family: string; revision: number } {
  const name = arn.includes(":task-definition/") ? (arn.split(":task-definition/")[1] ?? arn) : arn;
  const [family = name, rev] = name.split(":");
  return { family, revision: rev ? Number(rev) : 0 };
}

/** Predicts how often the worker registers a task definition for a deployment. */
export function predictRegistration(input: RegistrationInput): RegistrationPrediction {
  const td = input.taskDefinition;
  if (td.source === "existing") {
    const { family, revision } = familyFromArn(td.arn);
    return {
      kind: "reuses",
      family,
      revision,
      registersFirst: false,
      reason: "task_definition_arn is set: the worker never registers.",
    };
  }
  const prepared = td.definition;
  const family = typeof prepared.family === "string" ? prepared.family : "prefect";
  const latest = input.latest === "none" ? null : input.latest;
  const mine = comparableTaskDefinition(prepared);
  const diff = latest ? taskDefinitionDiff(latest.comparable, mine) : undefined;
  const equalsLatest = latest !== null && pyEqual(mine, latest.comparable);
  const withDiff = diff && diff.length > 0 ? { diff } : {};

  if (input.perRunValues.length > 0) {
    return {
      kind: "every-run",
      family,
      reason: `the task definition contains ${input.perRunValues.join(", ")}, which changes with every flow run.`,
      ...withDiff,
    };
  }

  const differing = (input.peers ?? [])
    .filter((p) => !pyEqual(comparableTaskDefinition(p.taskDefinition), mine))
    .map((p) => p.deployment);
  if (differing.length > 0) {
    const names = differing.join(", ");
    if (input.mode === "push")
      return {
        kind: "every-run",
        family,
        reason: `family ${family} is shared with ${names}, whose task definition differs: runs alternate between them and each registers a new revision.`,
        flipFlopWith: differing,
        ...withDiff,
      };
    return {
      kind: "per-worker-start",
      family,
      reason: `family ${family} is shared with ${names}, whose task definition differs: after each worker start the latest revision belongs to the other deployment.`,
      flipFlopWith: differing,
      ...withDiff,
    };
  }

  if (input.matchLatest) {
    if (equalsLatest && latest) {
      return {
        kind: "reuses",
        family,
        revision: latest.revision,
        registersFirst: false,
        reason: "match_latest_revision_in_family: the latest revision equals this task definition.",
      };
    }
    const next = latest ? latest.revision + 1 : 1;
    return {
      kind: "reuses",
      family,
      revision: next,
      registersFirst: true,
      reason: latest
        ? `match_latest_revision_in_family: the latest revision differs, so the next run registers ${family}:${next}; later runs reuse it.`
        : `family ${family} has no revision yet: the first run registers revision 1; later runs reuse it.`,
      ...withDiff,
    };
  }
  if (input.mode === "push") {
    return {
      kind: "every-run",
      family,
      reason:
        "a push pool has no long-lived worker and match_latest_revision_in_family is off: every run is a first run.",
      ...withDiff,
    };
  }
  return {
    kind: "per-worker-start",
    family,
    reason:
      "match_latest_revision_in_family is off: the worker's cache starts empty at each start.",
    ...withDiff,
  };
}

/** The one-line verdict the UI and the CLI show. */
export function predictionHeadline(p: RegistrationPrediction): string {
  if (p.kind === "reuses")
    return p.registersFirst
      ? `registers ${p.family}:${p.revision} on the next run, then reuses it`
      : `reuses ${p.family}:${p.revision}`;
  if (p.kind === "per-worker-start")
    return "registers a new revision on the first run after each worker start";
  return "registers a new revision on every run";
}

/**
 * RegisterTaskDefinition calls for `runs` runs of one deployment in `processes` worker processes
 * (hybrid: one process for all runs; push: one process per run).
 */
export function registrationsFor(
  p: RegistrationPrediction,
  runs: number,
  processes: number,
): number {
  if (runs === 0) return 0;
  if (p.kind === "reuses") return p.registersFirst ? 1 : 0;
  if (p.kind === "per-worker-start") return Math.min(processes, runs);
  return runs;
}

/** The job_configuration keys whose values end up in the registered task definition. */
const TASK_DEFINITION_INPUTS = [
  "task_definition",
  "configure_cloudwatch_logs",
  "cloudwatch_logs_options",
  "cloudwatch_logs_prefix",
  "container_name",
  "prefect_api_key_secret_arn",
  "prefect_api_auth_string_secret_arn",
];

/**
 * Of the job variables that flow runs set for themselves (run_deployment(job_variables=...), a
 * custom run), those that reach the task definition, as "job variable <name>" — each one makes
 * every run's task definition different. The launch type counts too: it decides cpu, memory,
 * requiresCompatibilities and networkMode.
 */
export function perRunValuesIn(template: BaseJobTemplate, runJobVariables: string[]): string[] {
  if (runJobVariables.length === 0) return [];
  const config = template.job_configuration;
  const names = new Set<string>();
  for (const key of TASK_DEFINITION_INPUTS) {
    const value = config[key];
    if (value === undefined) continue;
    for (const p of findPlaceholders(value))
      if (p.kind === "variable") names.add(placeholderRoot(p.name));
  }
  const request = config.task_run_request;
  if (isObject(request) && typeof request.launchType === "string")
    for (const p of findPlaceholders(request.launchType)) names.add(placeholderRoot(p.name));
  return runJobVariables.filter((v) => names.has(v)).map((v) => `job variable ${v}`);
}

/** match_latest_revision_in_family of a rendered job configuration, as the worker's pydantic reads it. */
export function matchLatestOf(configuration: JsonObject): boolean {
  return pyBool(configuration.match_latest_revision_in_family);
}

/**
 * The family's latest revision as a snapshot knows it: the described revision, "none" when the
 * snapshot's family list (every ACTIVE family of the region) lacks the family, or null when the
 * snapshot lists the family but did not describe it (unknown).
 */
export function latestFromSnapshot(
  snapshot: ClusterSnapshot | undefined,
  family: string,
): LatestRevision | "none" | null {
  if (!snapshot) return null;
  const described = snapshot.taskDefinitions.find((td) => td.family === family && td.comparable);
  if (described?.comparable)
    return { revision: described.revision, comparable: described.comparable as JsonObject };
  if (!snapshot.taskDefinitionFamilies.includes(family)) return "none";
  return null;
}
