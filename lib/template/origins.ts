/**
 * Where a key of the RunTask request or the registered task definition came from in the edited
 * document(s): a lone `{{ x }}` points at x's value (job_variables `/x` when the deployment set
 * it, else the template's `/variables/properties/x/default`), anything else at the template key.
 */
import { placeholdersInString } from "./placeholders";
import { joinPointer } from "./pointer";
import type { BaseJobTemplate } from "./schema";
import type { DocumentKind, JsonObject, JsonPointer, JsonValue, ValueOrigin } from "./types";
import { isObject } from "./pointer";

type Origin = { document: DocumentKind; pointer: JsonPointer };

/** The standard variable a string consists of, when it is exactly one `{{ name }}`. */
function lonePlaceholder(value: JsonValue | undefined): string | null {
  if (typeof value !== "string") return null;
  const found = placeholdersInString(value);
  const [first] = found;
  return found.length === 1 && first && first.raw === value && first.kind === "variable"
    ? first.name
    : null;
}

function variableOrigin(
  origins: Record<string, ValueOrigin>,
  name: string,
  extra: string[] = [],
): Origin | null {
  const [root = "", ...rest] = name.replace(/\[/g, ".").replace(/\]/g, "").split(".");
  const origin = origins[root];
  if (!origin) return null;
  return {
    document: origin.source === "job_variables" ? "job_variables" : "template",
    pointer: joinPointer(origin.pointer, ...rest, ...extra),
  };
}

// Keys the worker adds from elsewhere in the job configuration.
const REQUEST_DERIVED: Record<string, [section: string, key: string]> = {
  cluster: ["", "cluster"],
  networkConfiguration: ["", "network_configuration"],
  tags: ["", "labels"],
  capacityProviderStrategy: ["task_run_request", "launchType"],
};
const TASK_DEFINITION_DERIVED: Record<string, [section: string, key: string]> = {
  requiresCompatibilities: ["task_run_request", "launchType"],
  networkMode: ["task_run_request", "launchType"],
  cpu: ["task_run_request", "launchType"],
  memory: ["task_run_request", "launchType"],
};

/** Builds the two origin lookups of an EcsRunPlan. */
export function originLookup(
  template: BaseJobTemplate,
  _values: JsonObject,
  origins: Record<string, ValueOrigin>,
  rendered: JsonObject,
): { requestKey(key: string): Origin | null; taskDefinitionKey(key: string): Origin | null } {
  const jc = template.job_configuration;
  // `weak` marks a template key whose lone placeholder had no value: the key was empty, so a value
  // the worker put there came from elsewhere when a derived source exists
  const keyOrigin = (section: string, key: string): { origin: Origin; weak: boolean } | null => {
    const sectionTemplate: JsonValue | undefined = section === "" ? jc : jc[section];
    const sectionPointer =
      section === "" ? "/job_configuration" : joinPointer("/job_configuration", section);
    const whole = lonePlaceholder(sectionTemplate);
    if (whole !== null) {
      const renderedSection = rendered[section];
      if (!isObject(renderedSection) || !Object.hasOwn(renderedSection, key)) return null;
      const origin = variableOrigin(origins, whole, [key]);
      return origin ? { origin, weak: false } : null;
    }
    if (!isObject(sectionTemplate) || !Object.hasOwn(sectionTemplate, key)) return null;
    const pointer = joinPointer(sectionPointer, key);
    const name = lonePlaceholder(sectionTemplate[key]);
    if (name === null) return { origin: { document: "template", pointer }, weak: false };
    const origin = variableOrigin(origins, name);
    return origin
      ? { origin, weak: false }
      : { origin: { document: "template", pointer }, weak: true };
  };
  const lookup =
    (section: string, derived: Record<string, [string, string]>) =>
    (key: string): Origin | null => {
      const own = keyOrigin(section, key);
      if (own && !own.weak) return own.origin;
      const from = Object.hasOwn(derived, key) ? derived[key] : undefined;
      const other = from ? keyOrigin(from[0], from[1]) : null;
      return other && !other.weak ? other.origin : (own?.origin ?? other?.origin ?? null);
    };
  return {
    requestKey: lookup("task_run_request", REQUEST_DERIVED),
    taskDefinitionKey: lookup("task_definition", TASK_DEFINITION_DERIVED),
  };
}
