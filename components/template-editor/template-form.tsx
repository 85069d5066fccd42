"use client";

import { memo } from "react";
import { Alert } from "@/components/ui/alert";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { propertiesOf, requestBinding } from "@/lib/template/editing/form-model";
import { FieldSection } from "./fields/field";
import type { FormContext } from "./fields/form-context";
import { GenericField } from "./fields/generic-field";
import { NetworkFields } from "./fields/network-fields";
import { PlacementFields } from "./fields/placement-fields";
import { TaskFields } from "./fields/task-fields";

const PURPOSE_BUILT = [
  "launch_type",
  "capacity_provider_strategy",
  "cluster",
  "task_definition_arn",
  "image",
  "cpu",
  "memory",
  "execution_role_arn",
  "task_role_arn",
  "vpc_id",
  "network_configuration",
];

export interface TemplateFormProps {
  ctx: FormContext;
  /** the JSON does not parse: the form shows the last valid state, read-only */
  jsonError?: { line: number; column: number; reason: string } | undefined;
  /** the text is too large to check: why, shown instead of the JSON error; the form is read-only */
  tooLarge?: string | undefined;
}

/** The form half: purpose-built controls for placement, task and network, generic ones for the rest. */
export const TemplateForm = memo(function TemplateForm({
  ctx,
  jsonError,
  tooLarge,
}: TemplateFormProps) {
  const handled = new Set(PURPOSE_BUILT);
  for (const [key, fallback] of [
    ["launchType", "launch_type"],
    ["capacityProviderStrategy", "capacity_provider_strategy"],
    ["cluster", "cluster"],
    ["taskDefinition", "task_definition_arn"],
  ] as const) {
    const b = requestBinding(ctx.doc, key, fallback);
    if (b.kind === "variable") handled.add(b.variable);
  }
  const others = Object.keys(propertiesOf(ctx.doc)).filter((n) => !handled.has(n));
  return (
    <div className="grid gap-4">
      {tooLarge ? (
        <Alert tone="destructive" title="Template too large to check or push">
          {tooLarge}
        </Alert>
      ) : jsonError ? (
        <Alert
          tone="warning"
          title={`JSON needs fixing: line ${jsonError.line} col ${jsonError.column}`}
        >
          {jsonError.reason}. The form shows the last valid document and is read-only until the JSON
          parses.
        </Alert>
      ) : null}
      <fieldset
        disabled={Boolean(jsonError || tooLarge)}
        className="grid gap-4 disabled:opacity-70"
      >
        <legend className="sr-only">Template form</legend>
        <PlacementFields ctx={ctx} />
        {/* the sections below the first one hydrate after it (see HydrateLater) */}
        <HydrateLater>
          <TaskFields ctx={ctx} />
        </HydrateLater>
        <HydrateLater>
          <NetworkFields ctx={ctx} />
        </HydrateLater>
        {others.length > 0 ? (
          <HydrateLater>
            <FieldSection title="Other variables">
              <div className="grid gap-3 sm:grid-cols-2">
                {others.map((name) => (
                  <GenericField key={name} ctx={ctx} name={name} />
                ))}
              </div>
            </FieldSection>
          </HydrateLater>
        ) : null}
      </fieldset>
    </div>
  );
});
