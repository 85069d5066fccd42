"use client";

import { Badge } from "@/components/ui/badge";
import { Input, NativeSelect } from "@/components/ui/input";
import { FARGATE_CPU_MEMORY } from "@/lib/checks/fargate";
import type { JsonValue } from "@/lib/template/types";
import {
  bindingValue,
  defaultOf,
  defaultPointer,
  propertiesOf,
  requestBinding,
} from "@/lib/template/editing/form-model";
import { providerKindOf } from "@/lib/template/placement";
import { Field, FieldSection } from "./field";
import type { FormContext } from "./form-context";
import { NumberInput } from "./text-inputs";

/** True when the request runs on Fargate: launch type FARGATE(_SPOT), or a strategy of Fargate providers only. */
export function runsOnFargate(doc: JsonValue): boolean {
  const launch = bindingValue(requestBinding(doc, "launchType", "launch_type"));
  const strategy = bindingValue(
    requestBinding(doc, "capacityProviderStrategy", "capacity_provider_strategy"),
  );
  if (Array.isArray(strategy) && strategy.length > 0) {
    return strategy.every(
      (s) =>
        typeof s === "object" &&
        s !== null &&
        !Array.isArray(s) &&
        typeof s.capacityProvider === "string" &&
        providerKindOf(s.capacityProvider) !== "AUTO_SCALING_GROUP",
    );
  }
  return launch === "FARGATE" || launch === "FARGATE_SPOT";
}

function StringVariable({
  ctx,
  name,
  label,
  placeholder,
}: {
  ctx: FormContext;
  name: string;
  label: string;
  placeholder?: string;
}) {
  if (!Object.hasOwn(propertiesOf(ctx.doc), name)) return null;
  const value = defaultOf(ctx.doc, name);
  const id = `field-${name}`;
  return (
    <Field id={id} label={label} hint={<code>{name}</code>}>
      <Input
        id={id}
        value={typeof value === "string" ? value : ""}
        placeholder={placeholder}
        onChange={(e) =>
          ctx.setAt(defaultPointer(name), e.target.value === "" ? undefined : e.target.value)
        }
      />
    </Field>
  );
}

function TaskDefinitionField({ ctx }: { ctx: FormContext }) {
  const binding = requestBinding(ctx.doc, "taskDefinition", "task_definition_arn");
  const value = bindingValue(binding);
  const current = typeof value === "string" ? value : "";
  const defs = ctx.snapshot?.taskDefinitions ?? [];
  const selected = defs.find(
    (d) => d.arn === current || `${d.family}:${d.revision}` === current || d.family === current,
  );
  const pointer =
    binding.kind === "absent" ? defaultPointer("task_definition_arn") : binding.pointer;
  const set = (next: string) => ctx.setAt(pointer, next === "" ? undefined : next);
  const inList = defs.some((d) => d.arn === current);
  return (
    <Field
      id="field-task-definition"
      label="Task definition"
      hint={
        selected ? (
          <span className="flex flex-wrap items-center gap-1">
            Runs on:
            {selected.compatibilities.map((c) => (
              <Badge key={c} tone="info">
                {c}
              </Badge>
            ))}
            · network {selected.networkMode ?? "default"}
            {selected.cpu ? ` · cpu ${selected.cpu}` : ""}
            {selected.memory ? ` · memory ${selected.memory}` : ""}
          </span>
        ) : current ? (
          "Not in the cluster snapshot; checked when the snapshot has it."
        ) : (
          "Empty: the worker registers one from job_configuration.task_definition."
        )
      }
    >
      {defs.length > 0 ? (
        <NativeSelect
          id="field-task-definition"
          value={current}
          onChange={(e) => set(e.target.value)}
        >
          <option value="">(register from task_definition)</option>
          {current && !inList ? <option value={current}>{current}</option> : null}
          {defs.map((d) => (
            <option key={d.arn} value={d.arn}>
              {d.family}:{d.revision} — {d.compatibilities.join(", ") || "no compatibilities"}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <Input
          id="field-task-definition"
          value={current}
          placeholder="arn:aws:ecs:…:task-definition/family:1"
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
}

function CpuMemoryFields({ ctx }: { ctx: FormContext }) {
  const props = propertiesOf(ctx.doc);
  if (!Object.hasOwn(props, "cpu") && !Object.hasOwn(props, "memory")) return null;
  const cpu = defaultOf(ctx.doc, "cpu");
  const memory = defaultOf(ctx.doc, "memory");
  const cpuNum =
    typeof cpu === "number" ? cpu : typeof cpu === "string" && cpu !== "" ? Number(cpu) : undefined;
  const memNum =
    typeof memory === "number"
      ? memory
      : typeof memory === "string" && memory !== ""
        ? Number(memory)
        : undefined;
  const set = (name: string, v: number | undefined) => ctx.setAt(defaultPointer(name), v);
  if (runsOnFargate(ctx.doc)) {
    const row = FARGATE_CPU_MEMORY.find((r) => r.cpu === cpuNum);
    const memoryOk = memNum === undefined || (row?.memory.includes(memNum) ?? false);
    return (
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="field-cpu"
          label="CPU (Fargate)"
          hint="Task CPU units; empty → the worker uses 1024."
        >
          <NativeSelect
            id="field-cpu"
            value={cpuNum === undefined ? "" : String(cpuNum)}
            onChange={(e) => set("cpu", e.target.value === "" ? undefined : Number(e.target.value))}
          >
            <option value="">(worker default)</option>
            {cpuNum !== undefined && !row ? (
              <option value={String(cpuNum)}>{cpuNum} (not a Fargate size)</option>
            ) : null}
            {FARGATE_CPU_MEMORY.map((r) => (
              <option key={r.cpu} value={r.cpu}>
                {r.cpu} ({r.cpu / 1024} vCPU)
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          id="field-memory"
          label="Memory (Fargate)"
          errors={
            memoryOk ? [] : [`${memNum} MiB does not go with ${cpuNum ?? 1024} CPU on Fargate.`]
          }
          hint="MiB; only the sizes Fargate allows for the CPU are offered."
        >
          <NativeSelect
            id="field-memory"
            aria-invalid={!memoryOk || undefined}
            value={memNum === undefined ? "" : String(memNum)}
            onChange={(e) =>
              set("memory", e.target.value === "" ? undefined : Number(e.target.value))
            }
          >
            <option value="">(worker default)</option>
            {memNum !== undefined && !memoryOk ? (
              <option value={String(memNum)}>{memNum} (invalid for this CPU)</option>
            ) : null}
            {(row ?? FARGATE_CPU_MEMORY.find((r) => r.cpu === 1024))?.memory.map((m) => (
              <option key={m} value={m}>
                {m} ({m / 1024} GB)
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
    );
  }
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id="field-cpu" label="CPU" hint="Task CPU units (1024 = 1 vCPU).">
        <NumberInput id="field-cpu" value={cpuNum} onValueChange={(v) => set("cpu", v)} />
      </Field>
      <Field id="field-memory" label="Memory" hint="MiB.">
        <NumberInput id="field-memory" value={memNum} onValueChange={(v) => set("memory", v)} />
      </Field>
    </div>
  );
}

/** Task definition, image, cpu/memory and roles. */
export function TaskFields({ ctx }: { ctx: FormContext }) {
  return (
    <FieldSection title="Task">
      <TaskDefinitionField ctx={ctx} />
      <StringVariable
        ctx={ctx}
        name="image"
        label="Image"
        placeholder="prefecthq/prefect:3-latest"
      />
      <CpuMemoryFields ctx={ctx} />
      <div className="grid gap-3 sm:grid-cols-2">
        <StringVariable
          ctx={ctx}
          name="execution_role_arn"
          label="Execution role ARN"
          placeholder="arn:aws:iam::…:role/…"
        />
        <StringVariable
          ctx={ctx}
          name="task_role_arn"
          label="Task role ARN"
          placeholder="arn:aws:iam::…:role/…"
        />
      </div>
    </FieldSection>
  );
}
