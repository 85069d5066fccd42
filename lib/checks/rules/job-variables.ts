/** Rules about a deployment's job_variables (only when job variables are being checked). */
import { placeholderRoot } from "@/lib/template";
import { isObject, joinPointer, setKey, splitPointer } from "@/lib/template/pointer";
import type { Rule } from "../rule";
import { compileVariablesSchema, isRuntimeReference, validateValues } from "../schema-validation";
import type { Diagnostic } from "../types";
import type { JsonObject } from "@/lib/template/types";

export const jobVariableUnknown: Rule = {
  id: "prefect/job-variable-unknown",
  summary: "A job variable that no placeholder uses has no effect.",
  needs: "document",
  run(ctx) {
    const jobVariables = ctx.jobVariables;
    if (!jobVariables) return [];
    const used = new Set(
      ctx
        .placeholders()
        .filter((p) => p.kind === "variable")
        .map((p) => placeholderRoot(p.name)),
    );
    const out: Diagnostic[] = [];
    for (const key of Object.keys(jobVariables)) {
      if (used.has(key)) continue;
      const declared = Object.prototype.hasOwnProperty.call(ctx.properties, key);
      out.push({
        rule: this.id,
        severity: "warning",
        document: "job_variables",
        path: joinPointer("", key),
        message: declared
          ? `"${key}" is a variable of the pool, but no {{ ${key} }} placeholder in its job_configuration uses it, so setting it has no effect.`
          : `"${key}" is not a variable of this pool and no placeholder uses it, so Prefect ignores it. Check the spelling against the pool's variables.`,
        fix: {
          title: `Remove ${key} from job_variables`,
          document: "job_variables",
          edits: [{ op: "remove", path: joinPointer("", key) }],
        },
      });
    }
    return out;
  },
};

export const jobVariableViolatesSchema: Rule = {
  id: "prefect/job-variable-violates-schema",
  summary: "Job variables must satisfy the pool's variables schema.",
  needs: "document",
  run(ctx) {
    const raw = ctx.input.jobVariables;
    if (raw === undefined || raw === null) return [];
    if (!isObject(raw)) {
      return [
        {
          rule: this.id,
          severity: "error",
          document: "job_variables",
          path: "",
          message:
            "job_variables must be a JSON object mapping variable names to values; Prefect rejects anything else.",
        },
      ];
    }
    const variables = ctx.template.variables;
    if (!isObject(variables)) return [];
    const compiled = compileVariablesSchema(variables);
    if (!compiled.ok) return [];
    const values: JsonObject = {};
    for (const [key, value] of Object.entries(raw))
      if (!isRuntimeReference(value)) setKey(values, key, value);
    return validateValues(compiled, values).map((problem) => {
      const tokens = splitPointer(problem.instancePath);
      const where = tokens.length > 0 ? tokens.join(".") : "job_variables";
      return {
        rule: this.id,
        severity: "error" as const,
        document: "job_variables" as const,
        path: problem.instancePath,
        message: `"${where}" ${problem.message}. Prefect validates job_variables against the pool's variables schema and refuses to save the deployment (409); fix the value.`,
      };
    });
  },
};
