"use client";

import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { JsonValue } from "@/lib/template/types";
import {
  bindingValue,
  isObject,
  REQUEST,
  requestBinding,
  variableSchema,
  type Binding,
} from "@/lib/template/editing/form-model";
import { providerKindOf, STRATEGY_LIMITS } from "@/lib/template/placement";
import { strategyProblems, type StrategyRow } from "../strategy-rules";
import { Field, FieldSection } from "./field";
import type { FormContext } from "./form-context";
import { NumberInput } from "./text-inputs";

function bindingHint(binding: Binding, requestKey: string) {
  if (binding.kind === "variable") {
    return (
      <>
        Default of <code>{binding.variable}</code>, used as{" "}
        <code>task_run_request.{requestKey}</code>.
      </>
    );
  }
  if (binding.kind === "literal") {
    return (
      <>
        Written literally in <code>task_run_request.{requestKey}</code>.
      </>
    );
  }
  return (
    <>
      <code>task_run_request</code> has no <code>{requestKey}</code>.
    </>
  );
}

/** Where a binding writes; an absent request key is written as a literal. */
function target(binding: Binding) {
  return binding.kind === "absent" ? binding.requestPointer : binding.pointer;
}

function ClusterField({ ctx }: { ctx: FormContext }) {
  const binding = requestBinding(ctx.doc, "cluster", "cluster");
  const value = bindingValue(binding);
  const current = typeof value === "string" ? value : "";
  const names = ctx.clusters ?? [];
  const options = current && !names.includes(current) ? [current, ...names] : names;
  const set = (next: string) => ctx.setAt(target(binding), next === "" ? undefined : next);
  return (
    <Field
      id="field-cluster"
      label="Cluster"
      hint={
        <>
          {bindingHint(binding, "cluster")}{" "}
          {ctx.snapshot ? (
            <span data-testid="snapshot-status">
              Cluster {ctx.snapshot.cluster.name} read at {ctx.snapshot.fetchedAt.slice(11, 19)}{" "}
              UTC.
            </span>
          ) : null}
        </>
      }
    >
      {names.length > 0 ? (
        <NativeSelect id="field-cluster" value={current} onChange={(e) => set(e.target.value)}>
          <option value="">(default cluster)</option>
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <Input
          id="field-cluster"
          value={current}
          placeholder="default"
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
}

function LaunchTypeField({ ctx }: { ctx: FormContext }) {
  const binding = requestBinding(ctx.doc, "launchType", "launch_type");
  const value = bindingValue(binding);
  const current = typeof value === "string" ? value : "";
  const schema =
    binding.kind === "variable" ? variableSchema(ctx.doc, binding.variable)?.schema : undefined;
  const choices =
    schema && Array.isArray(schema.enum)
      ? schema.enum.filter((v): v is string => typeof v === "string")
      : ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];
  const options = current && !choices.includes(current) ? [current, ...choices] : choices;
  return (
    <Field id="field-launch-type" label="Launch type" hint={bindingHint(binding, "launchType")}>
      <div className="flex gap-2">
        <NativeSelect
          id="field-launch-type"
          value={current}
          onChange={(e) =>
            ctx.setAt(target(binding), e.target.value === "" ? undefined : e.target.value)
          }
        >
          <option value="">(not set)</option>
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </NativeSelect>
        {binding.kind !== "absent" ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            className="h-9"
            onClick={() => ctx.apply([{ op: "remove", path: `${REQUEST}/launchType` }])}
          >
            Remove from request
          </Button>
        ) : null}
      </div>
    </Field>
  );
}

function rowsOf(value: JsonValue | undefined): StrategyRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const o = isObject(item) ? item : {};
    return {
      capacityProvider: typeof o.capacityProvider === "string" ? o.capacityProvider : "",
      ...(typeof o.base === "number" ? { base: o.base } : {}),
      ...(typeof o.weight === "number" ? { weight: o.weight } : {}),
    };
  });
}

function StrategyField({ ctx }: { ctx: FormContext }) {
  const binding = requestBinding(ctx.doc, "capacityProviderStrategy", "capacity_provider_strategy");
  const value = bindingValue(binding);
  const rows = rowsOf(value);
  const providers = (ctx.snapshot?.capacityProviders ?? []).filter((p) => p.associated);
  const known = ctx.snapshot ? new Set(providers.map((p) => p.name)) : undefined;
  const problems = strategyProblems(rows, known);
  const write = (next: StrategyRow[]) => {
    const pointer = target(binding);
    if (binding.kind === "absent") {
      ctx.apply([{ op: "add", path: pointer, value: next as unknown as JsonValue }]);
    } else {
      ctx.setAt(pointer, next.length === 0 ? undefined : (next as unknown as JsonValue));
    }
  };
  const update = (i: number, patch: Partial<StrategyRow>) =>
    write(rows.map((row, j) => (j === i ? stripUndefined({ ...row, ...patch }) : row)));
  const firstKind = rows.find((r) => r.capacityProvider)?.capacityProvider;
  const suggestion =
    providers.find(
      (p) =>
        !firstKind ||
        (p.kind === "AUTO_SCALING_GROUP") === (providerKindOf(firstKind) === "AUTO_SCALING_GROUP"),
    )?.name ?? "";
  return (
    <fieldset className="grid gap-2" aria-describedby="strategy-hint">
      <legend className="text-xs font-medium text-muted-foreground">
        Capacity provider strategy
      </legend>
      <p id="strategy-hint" className="text-xs text-muted-foreground">
        {bindingHint(binding, "capacityProviderStrategy")}
      </p>
      {rows.length > 0 ? (
        <div className="grid grid-cols-[1fr_6rem_6rem_auto] items-start gap-x-2 gap-y-1 text-xs">
          <span className="text-muted-foreground">Provider</span>
          <span className="text-muted-foreground">Base</span>
          <span className="text-muted-foreground">Weight</span>
          <span />
          {rows.map((row, i) => {
            const p = problems.rows[i]!;
            const kind = row.capacityProvider ? providerKindOf(row.capacityProvider) : undefined;
            const names = providers.map((x) => x.name);
            const options =
              row.capacityProvider && !names.includes(row.capacityProvider)
                ? [row.capacityProvider, ...names]
                : names;
            return (
              <div key={i} className="contents" data-testid={`strategy-row-${i}`}>
                <div className="grid gap-0.5">
                  {providers.length > 0 ? (
                    <NativeSelect
                      aria-label={`Provider of row ${i + 1}`}
                      aria-invalid={p.capacityProvider.length > 0 || undefined}
                      value={row.capacityProvider}
                      onChange={(e) => update(i, { capacityProvider: e.target.value })}
                    >
                      <option value="">(pick)</option>
                      {options.map((n) => (
                        <option key={n} value={n}>
                          {n}
                          {providerKindOf(n) === "AUTO_SCALING_GROUP"
                            ? " · Auto Scaling group"
                            : " · Fargate"}
                        </option>
                      ))}
                    </NativeSelect>
                  ) : (
                    <Input
                      aria-label={`Provider of row ${i + 1}`}
                      aria-invalid={p.capacityProvider.length > 0 || undefined}
                      value={row.capacityProvider}
                      onChange={(e) => update(i, { capacityProvider: e.target.value })}
                    />
                  )}
                  <RowErrors errors={p.capacityProvider} />
                  {kind && providers.length === 0 ? (
                    <span className="text-muted-foreground">
                      {kind === "AUTO_SCALING_GROUP" ? "Auto Scaling group" : "Fargate"}
                    </span>
                  ) : null}
                </div>
                <div className="grid gap-0.5">
                  <NumberInput
                    aria-label={`Base of row ${i + 1}`}
                    aria-invalid={p.base.length > 0 || undefined}
                    value={row.base}
                    min={0}
                    max={100000}
                    onValueChange={(v) => update(i, { base: v })}
                  />
                  <RowErrors errors={p.base} />
                </div>
                <div className="grid gap-0.5">
                  <NumberInput
                    aria-label={`Weight of row ${i + 1}`}
                    aria-invalid={p.weight.length > 0 || undefined}
                    value={row.weight}
                    min={0}
                    max={1000}
                    onValueChange={(v) => update(i, { weight: v })}
                  />
                  <RowErrors errors={p.weight} />
                </div>
                <Button
                  type="button"
                  size="icon"
                  variant="ghost"
                  aria-label={`Remove row ${i + 1}`}
                  onClick={() => write(rows.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </div>
            );
          })}
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">
          No strategy: the request uses launchType or the cluster&apos;s default strategy.
        </p>
      )}
      <RowErrors errors={problems.strategy} />
      <div>
        <Button
          type="button"
          size="sm"
          disabled={rows.length >= STRATEGY_LIMITS.items}
          onClick={() => write([...rows, { capacityProvider: suggestion, base: 0, weight: 1 }])}
        >
          Add provider
        </Button>
      </div>
    </fieldset>
  );
}

function stripUndefined(row: StrategyRow): StrategyRow {
  const out: StrategyRow = { capacityProvider: row.capacityProvider };
  if (row.base !== undefined) out.base = row.base;
  if (row.weight !== undefined) out.weight = row.weight;
  return out;
}

function RowErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul role="alert" className="text-xs text-destructive">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** Cluster, launch type and capacity provider strategy: where the task runs. */
export function PlacementFields({ ctx }: { ctx: FormContext }) {
  return (
    <FieldSection title="Placement">
      <div className="grid gap-3 sm:grid-cols-2">
        <ClusterField ctx={ctx} />
        <LaunchTypeField ctx={ctx} />
      </div>
      <StrategyField ctx={ctx} />
    </FieldSection>
  );
}
