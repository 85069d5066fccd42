/**
 * Pools as code: `pooldeck export`, `diff` and `apply` (file layout in ./pool-files). Prefect is
 * read and written with the dashboard's own lib/prefect and lib/push (react-server condition, like
 * `pooldeck runs`): apply goes through the same push pipeline as the Update pool dialog, with its
 * conflict checks, read-back and audit entries (source "cli").
 *
 * Exit codes. export: 0 written, 2 unusable input. diff: 0 no change, 1 changes, 2 unusable input
 * (including a pool that changed since its file was exported). apply: 0 applied or nothing to do,
 * 1 refused by the checks or by Prefect, 2 unusable input. Every refusal is one line on stderr.
 */
import { userInfo } from "node:os";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { createTwoFilesPatch } from "diff";

import type { AuditRecorder } from "@/lib/audit/recorder";
import type { AuditStore } from "@/lib/audit/store";
import type { Diagnostic } from "@/lib/checks";
import type { PrefectClient } from "@/lib/prefect/client";
import { withManagedMarker } from "@/lib/prefect/managed";
import type { Deployment, WorkPool } from "@/lib/prefect/types";
import type { ServerVerdict, SnapshotReader } from "@/lib/push/verdict";
import { jsonEqual } from "@/lib/template/stable-hash";
import { isEcsPoolType, modeOfPoolType } from "@/lib/template/pool-type";
import type { JsonObject } from "@/lib/template/types";

import { ecsFromEnv, prefectFromEnv } from "./clients";
import { UsageError } from "./input";
import {
  deploymentDocument,
  deploymentFilePath,
  fileText,
  jobVariablesHash,
  loadPoolFiles,
  managedView,
  poolDocument,
  poolFilePath,
  poolHash,
  storedPoolFields,
  writeDocument,
  type DeploymentFile,
  type PoolFile,
  type RecordedVersion,
} from "./pool-files";
import { counted } from "@/lib/template/counted";
import { tally } from "@/lib/checks/tally";

export interface PoolsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** asks a yes/no question on the terminal; undefined when there is none (CI) */
  confirm?: ((question: string) => Promise<boolean>) | undefined;
}

/** What the commands talk to; tests hand in their own Prefect client. */
export interface PoolsClients {
  prefect: PrefectClient;
  readCluster: SnapshotReader;
}

/** A refusal after the input was read (checks, conflicts at write time, Prefect): exit 1. */
class Refused extends Error {}

async function defaultClients(): Promise<PoolsClients> {
  const { readSnapshot } = await import("@/lib/ecs/read-snapshot");
  const prefect = await prefectFromEnv();
  const ctx = await ecsFromEnv();
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
  return { prefect, readCluster: (cluster) => readSnapshot({ cluster, region }, { ctx }) };
}

/** Runs a Prefect read; a Prefect that does not answer (or refuses) is unusable input: exit 2. */
async function reading<T>(read: () => Promise<T>): Promise<T> {
  const { isPrefectError } = await import("@/lib/prefect/errors");
  try {
    return await read();
  } catch (err) {
    if (isPrefectError(err)) throw new UsageError(err.message.split("\n")[0]!);
    throw err;
  }
}

async function readPoolOrNull(client: PrefectClient, name: string): Promise<WorkPool | null> {
  const { readWorkPool } = await import("@/lib/prefect/work-pools");
  const { isPrefectError } = await import("@/lib/prefect/errors");
  return reading(async () => {
    try {
      return await readWorkPool(client, name);
    } catch (err) {
      if (isPrefectError(err, "not-found")) return null;
      throw err;
    }
  });
}

/** A pool's deployments keyed "flow/deployment". */
async function deploymentsByFlow(
  client: PrefectClient,
  pool: string,
): Promise<Map<string, { flow: string; deployment: Deployment }>> {
  const { listDeploymentsForPool, readFlowNames } = await import("@/lib/prefect/deployments");
  return reading(async () => {
    const deployments = await listDeploymentsForPool(client, pool);
    const flows = await readFlowNames(client, [...new Set(deployments.map((d) => d.flow_id))]);
    const out = new Map<string, { flow: string; deployment: Deployment }>();
    for (const d of deployments) {
      const flow = flows[d.flow_id] ?? d.flow_id;
      out.set(`${flow}/${d.name}`, { flow, deployment: d });
    }
    return out;
  });
}

// ---------------------------------------------------------------- export

/** `pooldeck export --pool <name> [--deployments] [--out dir] [--managed-by <source>]` */
export async function runExport(
  args: string[],
  io: PoolsIo,
  given?: PoolsClients,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      pool: { type: "string" },
      deployments: { type: "boolean" },
      out: { type: "string" },
      "managed-by": { type: "string" },
    },
  });
  if (!values.pool) throw new UsageError("missing --pool <name>");
  const out = values.out ?? ".";
  const clients = given ?? (await defaultClients());
  const pool = await readPoolOrNull(clients.prefect, values.pool);
  if (!pool) {
    throw new UsageError(
      `No such work pool ${JSON.stringify(values.pool)} in Prefect at ${clients.prefect.apiUrl}`,
    );
  }
  const path = poolFilePath(out, pool.name);
  const stored = storedPoolFields(pool);
  const recorded = { updated: pool.updated ?? null, hash: poolHash(stored) };
  // the marker names where the pool is kept; applying the file stores it in Prefect's description
  const source = values["managed-by"] ?? (relative(process.cwd(), path) || path);
  const fields = { ...stored, description: withManagedMarker(stored.description, source) };
  await writeDocument(path, poolDocument(pool.name, fields, recorded));
  io.stdout(`${path}\n`);
  if (values.deployments) {
    for (const { flow, deployment } of (
      await deploymentsByFlow(clients.prefect, pool.name)
    ).values()) {
      const jobVariables = (deployment.job_variables ?? {}) as JsonObject;
      const file = deploymentFilePath(out, pool.name, flow, deployment.name);
      await writeDocument(
        file,
        deploymentDocument(
          pool.name,
          { flow, deployment: deployment.name, jobVariables },
          {
            updated: deployment.updated ?? null,
            hash: jobVariablesHash(jobVariables),
          },
        ),
      );
      io.stdout(`${file}\n`);
    }
  }
  return 0;
}

// ---------------------------------------------------------------- plan (diff and apply)

interface DeploymentPlan {
  file: DeploymentFile;
  remote: Deployment;
  changed: boolean;
  conflict: string | null;
  before: ServerVerdict;
  after: ServerVerdict;
}

interface PoolPlan {
  file: PoolFile;
  /** null: the pool does not exist (created with --create) */
  remote: WorkPool | null;
  /** changed pool fields, by Prefect's names */
  changes: string[];
  conflict: string | null;
  before: ServerVerdict | null;
  after: ServerVerdict;
  deployments: DeploymentPlan[];
  oldText: string;
  newText: string;
}

function conflictOf(
  what: string,
  recorded: RecordedVersion | null,
  remote: RecordedVersion,
): string | null {
  if (!recorded) {
    return `${what} exists in Prefect but its file records no exported version ("x-pooldeck"): export it with pooldeck export and carry the edit over`;
  }
  if (recorded.updated === remote.updated && recorded.hash === remote.hash) return null;
  return `${what} changed in Prefect since its file was exported (updated ${recorded.updated ?? "unknown"}, now ${remote.updated ?? "unknown"}): export it again and carry the edit over; nothing was sent`;
}

async function planPool(clients: PoolsClients, file: PoolFile, create: boolean): Promise<PoolPlan> {
  const { checkWithCluster } = await import("@/lib/push/verdict");
  const remote = await readPoolOrNull(clients.prefect, file.name);
  if (!remote && !create) {
    throw new UsageError(
      `${file.path}: no work pool ${JSON.stringify(file.name)} in Prefect at ${clients.prefect.apiUrl} (pass --create to create it)`,
    );
  }
  if (!remote && !isEcsPoolType(file.fields.type)) {
    throw new UsageError(
      `${file.path}: --create makes ECS pools only (type ecs or ecs:push), not ${JSON.stringify(file.fields.type)}`,
    );
  }
  if (remote && remote.type !== file.fields.type) {
    throw new UsageError(
      `${file.path}: pool ${file.name} is of type ${remote.type} in Prefect, the file says ${file.fields.type}; Prefect cannot change a pool's type`,
    );
  }
  const stored = remote ? storedPoolFields(remote) : null;
  const desired = Object.fromEntries(
    Object.entries(file.fields).filter(([, v]) => v !== undefined),
  ) as JsonObject;
  const current = stored ? managedView(stored, file.fields) : null;
  const changes = Object.keys(desired).filter(
    (k) => !current || !jsonEqual(current[k], desired[k]),
  );
  const mode = modeOfPoolType(file.fields.type);
  // a file without concurrency_limit leaves the stored limit as it is
  const storedLimit = stored?.concurrency_limit ?? null;
  const limitAfter =
    file.fields.concurrency_limit === undefined ? storedLimit : file.fields.concurrency_limit;
  const [before, after] = await Promise.all([
    stored
      ? checkWithCluster({
          template: stored.base_job_template,
          mode,
          concurrency: { pool: storedLimit },
          readCluster: clients.readCluster,
        })
      : null,
    checkWithCluster({
      template: file.fields.base_job_template,
      mode,
      concurrency: { pool: limitAfter },
      readCluster: clients.readCluster,
    }),
  ]);
  const conflict =
    remote && stored && changes.length > 0
      ? conflictOf(`Pool ${file.name}`, file.recorded, {
          updated: remote.updated ?? null,
          hash: poolHash(stored),
        })
      : null;
  const deployments: DeploymentPlan[] = [];
  if (file.deployments.length > 0) {
    const known = await deploymentsByFlow(clients.prefect, file.name);
    for (const d of file.deployments) {
      const found = known.get(`${d.flow}/${d.deployment}`);
      if (!found) {
        throw new UsageError(
          `${d.path}: pool ${file.name} has no deployment ${d.flow}/${d.deployment} in Prefect (apply does not create deployments)`,
        );
      }
      const current = (found.deployment.job_variables ?? {}) as JsonObject;
      const changed = !jsonEqual(current, d.jobVariables);
      // before: what Prefect runs now; after: the files' template with the files' job_variables
      const [b, a] = await Promise.all([
        checkWithCluster({
          template: stored ? stored.base_job_template : file.fields.base_job_template,
          jobVariables: current,
          mode,
          readCluster: clients.readCluster,
        }),
        checkWithCluster({
          template: file.fields.base_job_template,
          jobVariables: d.jobVariables,
          mode,
          readCluster: clients.readCluster,
        }),
      ]);
      deployments.push({
        file: d,
        remote: found.deployment,
        changed,
        conflict: changed
          ? conflictOf(`Deployment ${d.flow}/${d.deployment}`, d.recorded, {
              updated: found.deployment.updated ?? null,
              hash: jobVariablesHash(current),
            })
          : null,
        before: b,
        after: a,
      });
    }
  }
  return {
    file,
    remote,
    changes,
    conflict,
    before,
    after,
    deployments,
    oldText: current ? fileText(current) : "",
    newText: fileText(desired),
  };
}

// ---------------------------------------------------------------- printing

const counts = (v: ServerVerdict | null) =>
  v ? tally([...v.errors, ...v.warnings]) : "none (new pool)";
const keyOf = (d: Diagnostic) => `${d.severity} ${d.rule} ${d.document} ${d.path}`;

/** "checks before: …, after: …" and the diagnostics that appear (+) or go away (-). */
function verdictLines(before: ServerVerdict | null, after: ServerVerdict): string[] {
  const lines = [`  checks before: ${counts(before)}; after: ${counts(after)}`];
  const was = new Set((before?.diagnostics ?? []).map(keyOf));
  const now = new Set(after.diagnostics.map(keyOf));
  const line = (sign: string, d: Diagnostic) =>
    `  ${sign} ${d.severity} ${d.rule}${d.path ? ` at ${d.path}` : ""}: ${d.message}`;
  for (const d of after.diagnostics) if (!was.has(keyOf(d))) lines.push(line("+", d));
  for (const d of before?.diagnostics ?? []) if (!now.has(keyOf(d))) lines.push(line("-", d));
  for (const d of after.diagnostics)
    if (was.has(keyOf(d)) && d.severity === "error") lines.push(line("=", d));
  if (after.clusterProblem) lines.push(`  ${after.clusterProblem}`);
  return lines;
}

function patch(oldName: string, newName: string, oldText: string, newText: string): string {
  return createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, {
    context: 3,
  })
    .split("\n")
    .slice(1) // jsdiff's "===…" separator line
    .join("\n");
}

function planText(plan: PoolPlan): string {
  const out: string[] = [];
  const name = plan.file.name;
  if (plan.changes.length === 0) out.push(`pool ${name}: no change`);
  else {
    out.push(
      plan.remote
        ? `pool ${name}: ${plan.changes.join(", ")} would change`
        : `pool ${name}: does not exist in Prefect; apply --create would create it`,
    );
    if (plan.conflict) out.push(`  CONFLICT: ${plan.conflict}`);
    out.push(
      patch(
        `prefect: ${name}${plan.remote?.updated ? ` (updated ${plan.remote.updated})` : ""}`,
        plan.file.path,
        plan.oldText,
        plan.newText,
      ).trimEnd(),
    );
    out.push(...verdictLines(plan.before, plan.after));
  }
  for (const d of plan.deployments) {
    const label = `deployment ${d.file.flow}/${d.file.deployment}`;
    if (!d.changed) {
      out.push(`${label}: no change`);
      continue;
    }
    out.push(`${label}: job_variables would change`);
    if (d.conflict) out.push(`  CONFLICT: ${d.conflict}`);
    out.push(
      patch(
        `prefect: ${d.file.flow}/${d.file.deployment}`,
        d.file.path,
        fileText((d.remote.job_variables ?? {}) as JsonObject),
        fileText(d.file.jobVariables),
      ).trimEnd(),
    );
    out.push(...verdictLines(d.before, d.after));
  }
  return out.join("\n") + "\n";
}

const hasChanges = (p: PoolPlan) => p.changes.length > 0 || p.deployments.some((d) => d.changed);
const conflicts = (p: PoolPlan) =>
  [p.conflict, ...p.deployments.map((d) => d.conflict)].filter((c): c is string => c !== null);

async function plans(
  target: string | undefined,
  create: boolean,
  clients: PoolsClients,
): Promise<PoolPlan[]> {
  const files = await loadPoolFiles(target);
  const out: PoolPlan[] = [];
  for (const file of files) out.push(await planPool(clients, file, create));
  return out;
}

// ---------------------------------------------------------------- diff

/**
 * What diff and apply both do first: plan every pool file given, print each plan, and name the
 * first conflict (a pool changed in Prefect since its file was exported), if any.
 */
async function shownPlans(
  positionals: string[],
  create: boolean,
  io: PoolsIo,
  given?: PoolsClients,
): Promise<{ all: PoolPlan[]; conflict: string | undefined; clients: PoolsClients }> {
  if (positionals.length > 1)
    throw new UsageError(`expected one <dir-or-file>, got ${positionals.length}`);
  const clients = given ?? (await defaultClients());
  const all = await plans(positionals[0], create, clients);
  for (const p of all) io.stdout(planText(p));
  return { all, conflict: all.flatMap(conflicts)[0], clients };
}

/** `pooldeck diff <dir-or-file> [--create]` */
export async function runDiff(args: string[], io: PoolsIo, given?: PoolsClients): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { create: { type: "boolean" } },
  });
  const { all, conflict } = await shownPlans(positionals, values.create ?? false, io, given);
  if (conflict) {
    io.stderr(`pooldeck diff: ${conflict}\n`);
    return 2;
  }
  return all.some(hasChanges) ? 1 : 0;
}

// ---------------------------------------------------------------- apply

/** The CLI's identity in the audit history: --actor, else the OS user. */
export function cliActor(actor: string | undefined): string {
  if (actor?.trim()) return actor.trim();
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? "unknown";
  }
}

async function cliRecorder(
  actor: string,
  prefect: PrefectClient,
): Promise<{ recorder: AuditRecorder; close: () => Promise<void> }> {
  const { createAuditRecorder } = await import("@/lib/audit/recorder");
  const { openAuditStore } = await import("@/lib/audit/server");
  const { parseConfig } = await import("@/lib/env/schema");
  let opened: Promise<AuditStore> | undefined;
  const recorder = createAuditRecorder({
    store: () => (opened ??= openAuditStore(parseConfig(process.env).audit)),
    operator: { id: `cli:${actor}`, displayName: actor },
    source: "cli",
    prefectServer: prefect.apiUrl,
  });
  return {
    recorder,
    close: async () => {
      if (opened) await (await opened.catch(() => null))?.close();
    },
  };
}

async function applyPool(
  plan: PoolPlan,
  clients: PoolsClients,
  audit: AuditRecorder,
  allowErrors: boolean,
): Promise<string[]> {
  const { pushPoolTemplate } = await import("@/lib/push/update-pool");
  const { createEcsPool, setPoolStatus } = await import("@/lib/push/pool-writes");
  const { templateHash } = await import("@/lib/push/changes");
  const { readWorkPool } = await import("@/lib/prefect/work-pools");
  const { readDeployment } = await import("@/lib/prefect/deployments");
  const { saveDeploymentJobVariables } = await import("@/lib/push/deployment-job-variables");
  const { file } = plan;
  const name = file.name;
  const override = allowErrors ? name : undefined;
  const done: string[] = [];
  let remote = plan.remote;
  if (!remote) {
    const created = await createEcsPool(
      clients.prefect,
      audit,
      {
        name,
        type: file.fields.type as "ecs" | "ecs:push",
        from: { template: file.fields.base_job_template },
        overrideErrors: override,
      },
      clients.readCluster,
    );
    done.push(`created pool ${name}`);
    remote = await readWorkPool(clients.prefect, created.name);
  }
  const stored = storedPoolFields(remote);
  const templateOrDescription =
    !jsonEqual(stored.base_job_template, file.fields.base_job_template) ||
    (file.fields.description !== undefined && file.fields.description !== stored.description);
  if (templateOrDescription) {
    // loaded = what the diff showed: the pipeline refuses when the pool changed since
    const pushed = await pushPoolTemplate(
      clients.prefect,
      audit,
      {
        name,
        template: file.fields.base_job_template,
        description: file.fields.description,
        loadedUpdated: remote.updated ?? null,
        loadedTemplateHash: templateHash(remote.base_job_template as JsonObject),
        overrideErrors: override,
      },
      clients.readCluster,
    );
    if (pushed.changed) done.push(`updated pool ${name}`);
  }
  const status: { is_paused?: boolean; concurrency_limit?: number | null } = {};
  if (file.fields.is_paused !== undefined) status.is_paused = file.fields.is_paused;
  if (file.fields.concurrency_limit !== undefined)
    status.concurrency_limit = file.fields.concurrency_limit;
  const statusChanges = (Object.keys(status) as (keyof typeof status)[]).filter(
    (k) => status[k] !== stored[k],
  );
  if (statusChanges.length > 0) {
    await setPoolStatus(clients.prefect, audit, name, status);
    done.push(`set ${statusChanges.join(" and ")} of pool ${name}`);
  }
  const after = await readWorkPool(clients.prefect, name);
  await writeDocument(
    file.path,
    poolDocument(name, file.fields, {
      updated: after.updated ?? null,
      hash: poolHash(storedPoolFields(after)),
    }),
  );
  for (const d of plan.deployments) {
    if (!d.changed) continue;
    const saved = await saveDeploymentJobVariables(
      clients.prefect,
      audit,
      {
        id: d.remote.id,
        poolName: name,
        jobVariables: d.file.jobVariables,
        loadedUpdated: d.remote.updated ?? null,
        // the file says {}: that is meant
        clear: true,
        overrideErrors: allowErrors ? d.remote.name : undefined,
      },
      clients.readCluster,
    );
    const read = await readDeployment(clients.prefect, d.remote.id);
    await writeDocument(
      d.file.path,
      deploymentDocument(
        name,
        { flow: d.file.flow, deployment: d.file.deployment, jobVariables: d.file.jobVariables },
        {
          updated: read.updated ?? null,
          hash: jobVariablesHash((read.job_variables ?? {}) as JsonObject),
        },
      ),
    );
    if (saved.changed) done.push(`saved job_variables of ${d.file.flow}/${d.file.deployment}`);
  }
  return done;
}

/** `pooldeck apply <dir-or-file> [--yes] [--allow-errors] [--create] [--actor <name>]` */
export async function runApply(args: string[], io: PoolsIo, given?: PoolsClients): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      yes: { type: "boolean" },
      "allow-errors": { type: "boolean" },
      create: { type: "boolean" },
      actor: { type: "string" },
    },
  });
  const { all, conflict, clients } = await shownPlans(
    positionals,
    values.create ?? false,
    io,
    given,
  );
  if (conflict) throw new UsageError(conflict);
  const pending = all.filter(hasChanges);
  if (pending.length === 0) {
    io.stdout("nothing to apply: Prefect already stores these files\n");
    return 0;
  }
  const allowErrors = values["allow-errors"] ?? false;
  if (!allowErrors) {
    for (const p of pending) {
      const n = p.changes.length > 0 ? p.after.errors.length : 0;
      if (n > 0)
        throw new Refused(
          `pool ${p.file.name}: the template has ${counted(n, "error")}; nothing was sent (fix them, or pass --allow-errors)`,
        );
      for (const d of p.deployments) {
        const known = new Set(d.before.errors.map(keyOf));
        const introduced = d.changed
          ? d.after.errors.filter((e) => !known.has(keyOf(e))).length
          : 0;
        if (introduced > 0)
          throw new Refused(
            `deployment ${d.file.flow}/${d.file.deployment}: its job_variables cause ${counted(introduced, "error")}; nothing was sent (fix them, or pass --allow-errors)`,
          );
      }
    }
  }
  if (!values.yes) {
    if (!io.confirm)
      throw new UsageError(
        "not a terminal, so nothing was asked and nothing was sent; pass --yes to apply",
      );
    if (
      !(await io.confirm(`Apply these changes to Prefect at ${clients.prefect.apiUrl}? [y/N] `))
    ) {
      io.stderr("pooldeck apply: nothing was sent\n");
      return 1;
    }
  }
  const actor = cliActor(values.actor);
  const { recorder, close } = await cliRecorder(actor, clients.prefect);
  try {
    for (const p of pending) {
      const done = await applyPool(p, clients, recorder, allowErrors);
      io.stdout(
        `${done.join("; ") || `pool ${p.file.name}: nothing changed`} (read back and confirmed; recorded as ${actor} via the CLI)\n`,
      );
    }
  } finally {
    await close();
  }
  return 0;
}

/** Turns the commands' refusals into one line on stderr and their exit code. */
export async function runPoolsCommand(
  command: "export" | "diff" | "apply",
  args: string[],
  io: PoolsIo,
  clients?: PoolsClients,
): Promise<number> {
  const { ActionRefusal } = await import("@/lib/outcome/refusal");
  const { isPrefectError } = await import("@/lib/prefect/errors");
  const run = { export: runExport, diff: runDiff, apply: runApply }[command];
  try {
    return await run(args, io, clients);
  } catch (err) {
    const line = (message: string) => io.stderr(`pooldeck ${command}: ${message.split("\n")[0]}\n`);
    if (err instanceof UsageError) {
      line(err.message);
      return 2;
    }
    if (
      err instanceof TypeError &&
      "code" in err &&
      String(err.code).startsWith("ERR_PARSE_ARGS")
    ) {
      line(err.message);
      return 2;
    }
    if (err instanceof Refused) {
      line(err.message);
      return 1;
    }
    if (err instanceof ActionRefusal) {
      line(err.failure.error);
      return 1;
    }
    if (isPrefectError(err)) {
      line(err.message);
      return 1;
    }
    throw err;
  }
}
