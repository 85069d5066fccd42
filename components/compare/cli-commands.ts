/**
 * The Prefect CLI commands equivalent to what /compare does, for teams that keep pools in code.
 * Flags checked against prefect/cli/work_pool.py and prefect/cli/worker.py (Prefect 3.9.1).
 */

/** Quotes a shell word when it needs it (POSIX single quotes). */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9._:/=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** The template file name Pooldeck offers for download, and uses in the commands. */
export function templateFileName(poolName: string): string {
  const safe = poolName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${safe || "pool"}-base-job-template.json`;
}

export interface PoolCommands {
  /** create the pool from the template file */
  create: string;
  /** replace an existing pool's template with the file */
  update: string;
  /** only for hybrid pools: install the worker and start it */
  worker: string | null;
}

/** CLI equivalents for a pool of `type` named `name` whose template is saved as `file`. */
export function poolCommands(name: string, type: "ecs" | "ecs:push", file: string): PoolCommands {
  const n = shellWord(name);
  const f = shellWord(file);
  return {
    create: `prefect work-pool create ${n} --type ${type} --base-job-template ${f}`,
    update: `prefect work-pool update ${n} --base-job-template ${f}`,
    worker: type === "ecs" ? workerCommand(name) : null,
  };
}

/** Installing and starting a hybrid ECS worker for `pool` (null: a `<pool-name>` placeholder). */
export function workerCommand(pool: string | null): string {
  const name = pool === null ? "<pool-name>" : shellWord(pool);
  return `pip install prefect-aws\nprefect worker start --pool ${name} --type ecs`;
}
