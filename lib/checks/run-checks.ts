/** Runs every rule of the catalog over one input; never throws, whatever JSON it is given. */
import { prepareEcsRun, type BaseJobTemplate, type EcsRunPlan } from "@/lib/template";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { createContext } from "./context";
import { parseJsonText, type ParsedJson } from "@/lib/template/json-text";
import { isEmptyValue, isObject } from "@/lib/template/pointer";
import { INVALID_JSON_RULE, RULES } from "./registry";
import { registrationPrediction } from "./rules/task-definition-churn";
import type { RegistrationPrediction } from "@/lib/template/registration";
import type { CheckInput, Diagnostic } from "./types";
import { locateTemplate } from "@/lib/template/pool-document";
import { errorMessage } from "@/lib/template/error-message";

export interface SkippedRule {
  rule: string;
  reason: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** the worker's plan (rendered request and task definition), when the template renders */
  plan?: EcsRunPlan;
  /** rules that could not run, and why (e.g. no cluster snapshot) */
  skipped: SkippedRule[];
  /** how often the worker would register a task definition (hybrid and push, when it renders) */
  registration?: RegistrationPrediction;
}

/** A check result as the server sends it to the page: everything but the plan, which holds functions. */
export type ServerCheckResult = Pick<CheckResult, "diagnostics" | "skipped">;

function notATemplate(path: string, what: string): Diagnostic {
  return {
    rule: "template/missing-section",
    severity: "error",
    document: "template",
    path,
    message: `${what} is not a JSON object. A base job template is an object with job_configuration and variables.`,
  };
}

/**
 * The checks of lib/template's zod model (baseJobTemplateSchema), done by hand: on a 1 MB
 * template zod's copy costs more than every rule together, and the editor checks per keystroke.
 */
function asBaseJobTemplate(template: JsonObject): BaseJobTemplate | string {
  const { job_configuration: job, variables } = template;
  if (!isObject(job) || isEmptyValue(job)) return "the template has no job_configuration";
  if (!isObject(variables)) return "variables is not an object";
  if (variables.type !== undefined && variables.type !== "object") {
    return 'variables.type is not "object"';
  }
  const { properties, required } = variables;
  if (properties !== undefined) {
    if (!isObject(properties)) return "variables.properties is not an object";
    // Object.keys, not Object.entries: a 1 MB template has thousands of variables
    for (const name of Object.keys(properties)) {
      if (!isObject(properties[name] as JsonValue))
        return `the schema of variable "${name}" is not an object`;
    }
  }
  if (
    required !== undefined &&
    !(Array.isArray(required) && required.every((r) => typeof r === "string"))
  ) {
    return "variables.required is not a list of names";
  }
  for (const key of ["definitions", "$defs"]) {
    if (variables[key] !== undefined && !isObject(variables[key])) {
      return `variables.${key} is not an object`;
    }
  }
  return template as unknown as BaseJobTemplate;
}

function planFor(
  input: CheckInput,
  template: JsonObject,
): { plan?: EcsRunPlan; planError?: string } {
  if (Object.keys(template).length === 0) return { planError: "the template is empty" };
  const parsed = asBaseJobTemplate(template);
  if (typeof parsed === "string") return { planError: parsed };
  try {
    const plan = prepareEcsRun({
      template: parsed,
      jobVariables: isObject(input.jobVariables) ? input.jobVariables : undefined,
      mode: input.mode,
      snapshot: input.snapshot,
    });
    return { plan };
  } catch (error) {
    return { planError: `rendering failed: ${errorMessage(error)}` };
  }
}

/** Checks a template (and optionally a deployment's job_variables) against every rule. */
export function runChecks(input: CheckInput): CheckResult {
  try {
    return runAll(input);
  } catch (error) {
    // rules are isolated below; this only guards the set-up (a bug there must not break the editor)
    return {
      diagnostics: [],
      skipped: RULES.map((r) => ({ rule: r.id, reason: `internal error: ${errorMessage(error)}` })),
    };
  }
}

function runAll(input: CheckInput): CheckResult {
  const skipped: SkippedRule[] = [];
  const skipAll = (reason: string) => RULES.map((r) => ({ rule: r.id, reason }));
  if (!isObject(input.template)) {
    return {
      diagnostics: [notATemplate("", "The document")],
      skipped: skipAll("the document is not an object"),
    };
  }
  const { template, pointerPrefix: prefix } = locateTemplate(input.template);
  if (!isObject(template)) {
    return {
      diagnostics: [notATemplate(prefix, "base_job_template")],
      skipped: skipAll("base_job_template is not an object"),
    };
  }
  const { plan, planError } = planFor(input, template);
  const ctx = createContext({ input, template, prefix, plan, planError });
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.needs === "plan" && !plan) {
      skipped.push({ rule: rule.id, reason: planError ?? "the template does not render" });
      continue;
    }
    try {
      const result = rule.run(ctx);
      if ("skipped" in result) skipped.push({ rule: rule.id, reason: result.skipped });
      else diagnostics.push(...result);
    } catch (error) {
      skipped.push({ rule: rule.id, reason: `internal error: ${errorMessage(error)}` });
    }
  }
  let registration: RegistrationPrediction | undefined;
  try {
    const p = plan ? registrationPrediction(ctx) : undefined;
    if (p && !("skipped" in p)) registration = p;
  } catch {
    // the prediction is informative; the checks stand without it
  }
  return { diagnostics, plan, skipped, ...(registration ? { registration } : {}) };
}

export interface CheckTextOptions {
  mode: CheckInput["mode"];
  jobVariables?: JsonValue;
  snapshot?: CheckInput["snapshot"];
  concurrency?: CheckInput["concurrency"];
}

function invalidJson(
  parsed: Extract<ParsedJson, { ok: false }>,
  document: Diagnostic["document"],
  what: string,
): Diagnostic {
  return {
    rule: INVALID_JSON_RULE,
    severity: "error",
    document,
    path: "",
    message: `${what} is not valid JSON: ${parsed.reason} at line ${parsed.line}, column ${parsed.column}. Nothing else can be checked until it parses.`,
  };
}

/** Checks template text as typed in an editor: invalid JSON becomes template/invalid-json. */
export function checkText(text: string, options: CheckTextOptions): CheckResult {
  return checkParsed(parseJsonText(text), options);
}

/** checkText on text the caller has already parsed (the editor parses once per edit). */
export function checkParsed(parsed: ParsedJson, options: CheckTextOptions): CheckResult {
  if (!parsed.ok) {
    const diagnostic = invalidJson(parsed, "template", "The template");
    return {
      diagnostics: [diagnostic],
      skipped: RULES.map((r) => ({ rule: r.id, reason: "the document is not valid JSON" })),
    };
  }
  return runChecks({ template: parsed.value, ...options });
}

/** Checks job_variables text (a deployment being edited) against a pool's template. */
export function checkJobVariablesText(
  text: string,
  options: { template: JsonValue; mode: CheckInput["mode"]; snapshot?: CheckInput["snapshot"] },
): CheckResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const diagnostic = invalidJson(parsed, "job_variables", "job_variables");
    return {
      diagnostics: [diagnostic],
      skipped: RULES.map((r) => ({ rule: r.id, reason: "job_variables is not valid JSON" })),
    };
  }
  return runChecks({ ...options, jobVariables: parsed.value });
}
