"use client";

/** A control for any variable, generated from its JSON Schema. */
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import {
  defaultOf,
  defaultPointer,
  isBlockReference,
  isObject,
  variableSchema,
} from "@/lib/template/editing/form-model";
import { Field } from "./field";
import type { FormContext } from "./form-context";
import { JsonInput, ListInput, NumberInput } from "./text-inputs";

function typeOf(schema: JsonObject): string | undefined {
  const t = schema.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === "string" && x !== "null");
  return undefined;
}

function KeyValueEditor({
  id,
  value,
  onChange,
}: {
  id: string;
  value: JsonObject;
  onChange(next: JsonObject | undefined): void;
}) {
  const entries = Object.entries(value);
  const write = (next: [string, JsonValue][]) =>
    onChange(next.length === 0 ? undefined : Object.fromEntries(next));
  return (
    // a group named by the field's label: its inputs and "Add entry" say which variable they edit
    <div id={id} role="group" aria-labelledby={`${id}-label`} className="grid gap-1">
      {entries.map(([k, v], i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] gap-1">
          <Input
            aria-label={`Key ${i + 1}`}
            value={k}
            onChange={(e) =>
              write(entries.map((en, j) => (j === i ? [e.target.value, en[1]] : en)))
            }
          />
          <Input
            aria-label={`Value of ${k || `key ${i + 1}`}`}
            value={typeof v === "string" ? v : JSON.stringify(v)}
            onChange={(e) =>
              write(entries.map((en, j) => (j === i ? [en[0], e.target.value] : en)))
            }
          />
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label={`Remove ${k || `key ${i + 1}`}`}
            onClick={() => write(entries.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button
          type="button"
          size="sm"
          disabled={Object.hasOwn(value, "")}
          onClick={() => write([...entries, ["", ""]])}
        >
          Add entry
        </Button>
      </div>
    </div>
  );
}

export function GenericField({ ctx, name }: { ctx: FormContext; name: string }) {
  const resolved = variableSchema(ctx.doc, name);
  if (!resolved) return null;
  const { schema, nullable } = resolved;
  const value = defaultOf(ctx.doc, name);
  const id = `field-var-${name}`;
  const set = (next: JsonValue | undefined) => ctx.setAt(defaultPointer(name), next);
  const title = typeof schema.title === "string" ? schema.title : name;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  const type = typeOf(schema);
  const hint = (
    <span className="flex flex-wrap items-center gap-1">
      <code>{name}</code>
      {nullable ? <Badge>nullable</Badge> : null}
      {/* two lines, whole while the field has the focus (app/globals.css) */}
      {description ? <span className="field-description">{description}</span> : null}
    </span>
  );

  let control;
  if (isBlockReference(value) || typeof schema.block_type_slug === "string") {
    const ref = isObject(value) ? value.$ref : undefined;
    control = (
      <div
        id={id}
        role="group"
        aria-labelledby={`${id}-label`}
        className="rounded-md border border-dashed border-border px-2.5 py-2 text-xs"
      >
        <Badge tone="info">Block reference</Badge>{" "}
        {typeof schema.block_type_slug === "string" ? <code>{schema.block_type_slug}</code> : null}{" "}
        {ref !== undefined ? (
          <code className="break-all">{JSON.stringify(ref)}</code>
        ) : (
          <span className="text-muted-foreground">not set</span>
        )}
        <p className="mt-1 text-muted-foreground">
          Resolved by Prefect at run time; edit the reference in JSON.
        </p>
      </div>
    );
  } else if (Array.isArray(schema.enum)) {
    const options = schema.enum.map((v) => JSON.stringify(v));
    const current = value === undefined ? "" : JSON.stringify(value);
    control = (
      <NativeSelect
        id={id}
        value={current}
        onChange={(e) =>
          set(e.target.value === "" ? undefined : (JSON.parse(e.target.value) as JsonValue))
        }
      >
        <option value="">(not set)</option>
        {current && !options.includes(current) ? <option value={current}>{current}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {o.startsWith('"') ? (JSON.parse(o) as string) : o}
          </option>
        ))}
      </NativeSelect>
    );
  } else if (type === "boolean") {
    control = (
      <NativeSelect
        id={id}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => set(e.target.value === "" ? undefined : e.target.value === "true")}
      >
        <option value="">(not set)</option>
        <option value="true">true</option>
        <option value="false">false</option>
        {value === null ? <option value="null">null</option> : null}
      </NativeSelect>
    );
  } else if (type === "integer" || type === "number") {
    control = (
      <NumberInput
        id={id}
        integer={type === "integer"}
        value={typeof value === "number" ? value : undefined}
        onValueChange={set}
      />
    );
  } else if (type === "string") {
    control = (
      <Input
        id={id}
        value={
          typeof value === "string"
            ? value
            : value === undefined || value === null
              ? ""
              : JSON.stringify(value)
        }
        onChange={(e) => set(e.target.value === "" ? undefined : e.target.value)}
      />
    );
  } else if (
    type === "object" &&
    isObject(schema.additionalProperties) &&
    schema.additionalProperties.type === "string" &&
    (value === undefined || isObject(value))
  ) {
    control = <KeyValueEditor id={id} value={isObject(value) ? value : {}} onChange={set} />;
  } else if (
    type === "array" &&
    isObject(schema.items) &&
    schema.items.type === "string" &&
    (value === undefined || Array.isArray(value))
  ) {
    control = (
      <ListInput
        id={id}
        value={
          Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined
        }
        onValueChange={(v) => set(v.length ? v : undefined)}
      />
    );
  } else {
    control = (
      <JsonInput
        id={id}
        value={value}
        placeholder="JSON"
        onValueChange={(v) => set(v as JsonValue | undefined)}
      />
    );
  }
  return (
    <Field id={id} label={title} hint={hint}>
      {control}
    </Field>
  );
}
