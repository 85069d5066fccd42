/** template/missing-section and template/undeclared-variable: what the Prefect server itself refuses. */
import { isEmptyValue, isObject, joinPointer } from "@/lib/template/pointer";
import type { Rule } from "../rule";
import type { Diagnostic } from "../types";

export const missingSection: Rule = {
  id: "template/missing-section",
  summary: "A non-empty template needs both job_configuration and variables.",
  needs: "document",
  run(ctx) {
    const { template } = ctx;
    if (Object.keys(template).length === 0) return [];
    const out: Diagnostic[] = [];
    const sections = [
      { key: "job_configuration", value: {} },
      { key: "variables", value: { type: "object", properties: {} } },
    ] as const;
    for (const { key, value } of sections) {
      const current = template[key];
      if (!isEmptyValue(current) && isObject(current)) continue;
      const present = current !== undefined;
      out.push({
        rule: this.id,
        severity: "error",
        document: "template",
        path: present ? ctx.t(`/${key}`) : ctx.t(""),
        message: present
          ? `"${key}" must be a non-empty JSON object. The Prefect server rejects a base job template unless both job_configuration and variables are present and non-empty.`
          : `The template has no "${key}" section. The Prefect server rejects a non-empty base job template unless it has both job_configuration and variables; add the section (or start from Prefect's default ECS template).`,
        fix: present
          ? undefined
          : {
              title: `Add an empty ${key} section`,
              document: "template",
              edits: [{ op: "add", path: ctx.t(`/${key}`), value: { ...value } }],
            },
      });
    }
    return out;
  },
};

export const undeclaredVariable: Rule = {
  id: "template/undeclared-variable",
  summary: "Every {{ placeholder }} in job_configuration must name a property of variables.",
  needs: "document",
  run(ctx) {
    if (!isObject(ctx.template.job_configuration)) return [];
    const out: Diagnostic[] = [];
    for (const placeholder of ctx.placeholders()) {
      if (Object.prototype.hasOwnProperty.call(ctx.properties, placeholder.name)) continue;
      let why: string;
      let fixable = false;
      if (placeholder.kind === "prefect-variable" || placeholder.kind === "block") {
        why = `The Prefect server only accepts placeholders that name a variable, so it rejects ${placeholder.raw} inside job_configuration. Declare a variable (for example "${placeholder.name.split(".").pop() ?? "value"}") whose default is "${placeholder.raw}" and use that variable here instead.`;
      } else if (placeholder.kind === "env") {
        why = `The Prefect server only accepts placeholders that name a variable, so it rejects ${placeholder.raw} inside job_configuration. Declare a variable whose default is "${placeholder.raw}" and use that variable here instead.`;
      } else if (placeholder.name.includes(".") || placeholder.name.includes("[")) {
        why = `The Prefect server compares the whole placeholder name with the variables, so "${placeholder.name}" must itself be a property of variables; a dotted path into a variable is rejected. Use {{ ${placeholder.name.split(/[.[]/)[0] ?? ""} }} or declare "${placeholder.name}".`;
      } else {
        why = `The Prefect server rejects the template because "${placeholder.name}" is not declared in variables.properties. Declare it, or correct the placeholder if it is a typo.`;
        fixable = true;
      }
      out.push({
        rule: this.id,
        severity: "error",
        document: "template",
        path: placeholder.pointer,
        message: `${placeholder.raw} names no variable. ${why}`,
        fix:
          fixable && isObject(ctx.template.variables) && isObject(ctx.template.variables.properties)
            ? {
                title: `Declare variable ${placeholder.name}`,
                document: "template",
                edits: [
                  {
                    op: "add",
                    path: joinPointer(ctx.t("/variables/properties"), placeholder.name),
                    value: { title: placeholder.name },
                  },
                ],
              }
            : undefined,
      });
    }
    return out;
  },
};
