/**
 * `pooldeck`: the check engine for CI pipelines. check / render work offline on files; snapshot
 * reads an ECS cluster with the same code the dashboard uses; export / diff / apply keep pools
 * as code (./pools).
 */
import { parseArgs } from "node:util";
import { UsageError } from "./usage-error";

const HELP = `pooldeck — check Prefect ECS work pool templates before they reach RunTask

Usage:
  pooldeck check <file> [--job-variables <file>] [--snapshot <file>] [--mode hybrid|push|raw] [--concurrency <n>] [--format text|json]
  pooldeck render <file> [--job-variables <file>] [--snapshot <file>] [--mode hybrid|push|raw]
  pooldeck snapshot --cluster <name> [--region <region>] [--family <name>]...
  pooldeck runs --pool <name> [--limit N] [--format text|json]
  pooldeck export --pool <name> [--deployments] [--out <dir>] [--managed-by <source>]
  pooldeck diff <dir-or-file> [--create]
  pooldeck apply <dir-or-file> [--yes] [--allow-errors] [--create] [--actor <name>]
  pooldeck user add <username> --role viewer|editor [--name <name>] [--file <users.json>]
                    (--password-stdin | --generate-password)
  pooldeck --help

<file> is a bare base job template (prefect work-pool get-default-base-job-template --type ecs)
or a whole work pool as Prefect returns it (base_job_template inside).

Commands:
  check      Run every rule of the check catalog and print the diagnostics.
             Exit 0: no error (warnings allowed). 1: at least one error. 2: unusable input.
  render     Print the RunTask request and task definition the run would use, as JSON.
  snapshot   Print the cluster snapshot cluster-aware checks use (save it for --snapshot).
             Uses the AWS SDK's default credentials; --family also describes task definition families.
  runs       Print a work pool's newest flow runs (default 20, at most 200) with their ECS task
             and what went wrong; --format json adds each run's start-latency timings and the
             per-deployment and per-provider figures. Reads Prefect (PREFECT_API_URL) and ECS.
             Exit 0 when read; 2 on unusable input, an unknown pool or an unreachable Prefect.
  export     Write a work pool (and with --deployments its deployments' job_variables) as
             normalised JSON files: <dir>/<pool>.pool.json, <dir>/<pool>.deployments/<flow>--<name>.json.
             Each records the pool's updated time and content hash; the description gets an
             "x-pooldeck-managed: <source>" line (default source: the file's path).
  diff       Show what apply would change: a unified diff per pool and deployment and the checks
             before and after. Exit 0: no change. 1: changes. 2: unusable input, or the pool
             changed in Prefect since its file was exported (apply would refuse).
  apply      Apply the files through the dashboard's push pipeline: refuses a pool that changed
             since export and templates with errors (unless --allow-errors), sends only changed
             fields, reads them back, records them in the audit history as --actor (default: the
             OS user) via the CLI, and writes the new updated/hash into the files. --create creates
             pools that do not exist yet. Asks first unless --yes (required outside a terminal).
             Exit 0: applied or nothing to do. 1: refused by the checks or Prefect. 2: unusable input.
  user add   Add or replace a dashboard user in the users file (POOLDECK_USERS_FILE), bcrypt-hashed.

Options:
  --job-variables <file>  a deployment's job_variables (JSON object) applied over the defaults
  --snapshot <file>       a cluster snapshot from \`pooldeck snapshot\`; enables cluster-aware rules
  --mode <mode>           hybrid (ecs worker), push (Prefect Cloud push pool) or raw (no worker logic).
                          Default: push for a work pool of type ecs:push, otherwise hybrid.
  --concurrency <n>       how many runs may start at once (the work pool's or deployment's
                          concurrency limit); enables ecs/burst-exceeds-capacity
  --format <format>       text (default) or json
  -h, --help              show this help
`;

async function check(args: string[], render: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "job-variables": { type: "string" },
      snapshot: { type: "string" },
      mode: { type: "string" },
      format: { type: "string" },
      concurrency: { type: "string" },
    },
  });
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new UsageError(
      `--concurrency must be a positive whole number, not ${JSON.stringify(values.concurrency)}`,
    );
  }
  if (positionals.length > 1)
    throw new UsageError(`expected one <file>, got ${positionals.length}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") {
    throw new UsageError(`--format must be text or json, not ${JSON.stringify(format)}`);
  }
  // the check engine loads only for the commands that use it: `--help` starts without it
  const [{ runChecks }, { loadCheckFiles }, { checkJson, checkText, printableTaskDefinition }] =
    await Promise.all([import("@/lib/checks"), import("./input"), import("./output")]);
  const files = await loadCheckFiles({
    file: positionals[0],
    jobVariables: values["job-variables"],
    snapshot: values.snapshot,
    mode: values.mode,
  });
  const result = runChecks({
    template: files.document,
    jobVariables: files.jobVariables,
    snapshot: files.snapshot,
    mode: files.mode,
    ...(concurrency !== undefined ? { concurrency: { pool: concurrency } } : {}),
  });
  if (render) {
    if (!result.plan) {
      const reason = result.skipped.find(
        (s) => s.rule === "ecs/launch-type-and-capacity-provider-strategy",
      );
      process.stderr.write(
        `pooldeck: cannot render ${files.file}: ${reason?.reason ?? "the template does not render"}\n`,
      );
      return 1;
    }
    const body = {
      runTaskRequest: result.plan.runTaskRequest,
      taskDefinition: printableTaskDefinition(result.plan),
    };
    process.stdout.write(JSON.stringify(body, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(
    format === "json" ? checkJson(result) : checkText(result, files.file, files.mode),
  );
  return result.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

/**
 * `pooldeck snapshot` is cli/snapshot.ts (lib/ecs's reader). The CLI hands it its own ECS client:
 * the server's default client needs Prefect settings a CI job checking templates does not have.
 */
async function snapshot(args: string[]): Promise<number> {
  const { runSnapshot } = await import("./snapshot");
  const { awsDeadlines, createEcsContext } = await import("@/lib/ecs");
  const { ECSClient } = await import("@aws-sdk/client-ecs");
  const { parseTimeouts } = await import("@/lib/env/schema");
  const deadlines = awsDeadlines(parseTimeouts(process.env));
  const withRegion =
    args.includes("--region") || args.some((a) => a.startsWith("--region="))
      ? args
      : [
          ...args,
          "--region",
          process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
        ];
  // the SDK's default credential chain, and AWS_ENDPOINT_URL(_ECS) when set; lib/ecs retries itself
  const ctx = createEcsContext({
    client: (region) => new ECSClient({ region, maxAttempts: 1, ...deadlines }),
  });
  return runSnapshot(withRegion, undefined, ctx);
}

/** Asks a yes/no question on the terminal; only "y" or "yes" is a yes. */
async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    switch (command) {
      case "check":
        return await check(rest, false);
      case "render":
        return await check(rest, true);
      case "snapshot":
        return await snapshot(rest);
      case "runs":
        return await (await import("./runs")).runRuns(rest);
      case "export":
      case "diff":
      case "apply": {
        const { runPoolsCommand } = await import("./pools");
        return await runPoolsCommand(command, rest, {
          stdout: (t) => void process.stdout.write(t),
          stderr: (t) => void process.stderr.write(t),
          confirm: process.stdin.isTTY ? askOnTerminal : undefined,
        });
      }
      case "user":
        return await (await import("./user")).runUser(rest);
      case undefined:
      case "help":
      case "-h":
      case "--help":
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)} (try pooldeck --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`pooldeck: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`pooldeck: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pooldeck: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
