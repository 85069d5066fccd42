/** Reading and validating the CLI's input files; every failure is a one-line reason (exit 2). */
import { readFile } from "node:fs/promises";
import { parseJsonText } from "@/lib/checks";
import { clusterSnapshotSchema, type ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";
import { isObject } from "@/lib/template/pointer";
import { modeOfPoolType } from "@/lib/template/pool-type";
import { locateTemplate } from "@/lib/template/pool-document";
import { UsageError } from "./usage-error";

export { UsageError };

export async function readJson(file: string, what: string): Promise<JsonValue> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `${what} ${file} does not exist`
        : `cannot read ${what} ${file} (${code ?? String(error)})`,
    );
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new UsageError(
      `${what} ${file} is not valid JSON: ${parsed.reason} at line ${parsed.line}, column ${parsed.column}`,
    );
  }
  return parsed.value;
}

export interface CheckFiles {
  file: string;
  document: JsonObject;
  jobVariables?: JsonObject;
  snapshot?: ClusterSnapshot;
  mode: Mode;
}

const MODES: readonly Mode[] = ["hybrid", "push", "raw"];

/** Loads the template (or work pool), job variables and snapshot files named on the command line. */
export async function loadCheckFiles(options: {
  file: string | undefined;
  jobVariables?: string;
  snapshot?: string;
  mode?: string;
}): Promise<CheckFiles> {
  if (!options.file)
    throw new UsageError("missing <file>: the base job template or work pool JSON to check");
  if (options.mode !== undefined && !MODES.includes(options.mode as Mode)) {
    throw new UsageError(`--mode must be hybrid, push or raw, not ${JSON.stringify(options.mode)}`);
  }
  const document = await readJson(options.file, "template");
  if (!isObject(document)) {
    throw new UsageError(
      `${options.file} is not a base job template: the document is not a JSON object`,
    );
  }
  const located = locateTemplate(document);
  const isPool = located.pointerPrefix !== "";
  if (isPool && !isObject(located.template)) {
    throw new UsageError(
      `${options.file} is not a base job template: base_job_template is not a JSON object`,
    );
  }
  if (!isPool && !("job_configuration" in document) && !("variables" in document)) {
    throw new UsageError(
      `${options.file} is not a base job template: it has neither job_configuration nor variables (nor base_job_template)`,
    );
  }
  let jobVariables: JsonObject | undefined;
  if (options.jobVariables !== undefined) {
    const value = await readJson(options.jobVariables, "job variables");
    if (!isObject(value))
      throw new UsageError(`job variables ${options.jobVariables} must be a JSON object`);
    jobVariables = value;
  }
  let snapshot: ClusterSnapshot | undefined;
  if (options.snapshot !== undefined) {
    const parsed = clusterSnapshotSchema.safeParse(await readJson(options.snapshot, "snapshot"));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? "/" + issue.path.map(String).join("/") : "";
      throw new UsageError(
        `snapshot ${options.snapshot} is not a cluster snapshot (from \`pooldeck snapshot\`): ${where}: ${issue?.message ?? "invalid"}`,
      );
    }
    snapshot = parsed.data;
  }
  // a whole work pool says which runner it is for: ecs:push pools run on Prefect Cloud's push runner
  const poolMode: Mode = modeOfPoolType(located.poolType);
  return {
    file: options.file,
    document,
    jobVariables,
    snapshot,
    mode: (options.mode as Mode | undefined) ?? poolMode,
  };
}
