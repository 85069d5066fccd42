"use client";

import { Input, NativeSelect } from "@/components/ui/input";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import {
  defaultOf,
  defaultPointer,
  isObject,
  propertiesOf,
} from "@/lib/template/editing/form-model";
import { Field, FieldSection } from "./field";
import type { FormContext } from "./form-context";
import { ListInput } from "./text-inputs";

function strings(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

/** vpc_id and network_configuration ({subnets, securityGroups, assignPublicIp}). */
export function NetworkFields({ ctx }: { ctx: FormContext }) {
  const props = propertiesOf(ctx.doc);
  const hasVpc = Object.hasOwn(props, "vpc_id");
  const hasNetwork = Object.hasOwn(props, "network_configuration");
  if (!hasVpc && !hasNetwork) return null;
  const vpc = defaultOf(ctx.doc, "vpc_id");
  const raw = defaultOf(ctx.doc, "network_configuration");
  const network: JsonObject = isObject(raw) ? raw : {};
  const subnets = strings(network.subnets);
  const groups = strings(network.securityGroups);
  const publicIp = typeof network.assignPublicIp === "string" ? network.assignPublicIp : "";
  const setNetwork = (key: string, value: JsonValue | undefined) => {
    const next: JsonObject = { ...network };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    ctx.setAt(
      defaultPointer("network_configuration"),
      Object.keys(next).length === 0 ? undefined : next,
    );
  };
  return (
    <FieldSection title="Network">
      {hasVpc ? (
        <Field
          id="field-vpc-id"
          label="VPC ID"
          hint="Required when network configuration is set; empty → the default VPC."
        >
          <Input
            id="field-vpc-id"
            value={typeof vpc === "string" ? vpc : ""}
            placeholder="vpc-…"
            onChange={(e) =>
              ctx.setAt(
                defaultPointer("vpc_id"),
                e.target.value === "" ? undefined : e.target.value,
              )
            }
          />
        </Field>
      ) : null}
      {hasNetwork ? (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="field-subnets" label="Subnets" hint="1–16, comma separated.">
              <ListInput
                id="field-subnets"
                value={subnets}
                placeholder="subnet-…, subnet-…"
                onValueChange={(v) => setNetwork("subnets", v)}
              />
            </Field>
            <Field
              id="field-security-groups"
              label="Security groups"
              hint="Up to 5, comma separated."
            >
              <ListInput
                id="field-security-groups"
                value={groups}
                placeholder="sg-…"
                onValueChange={(v) => setNetwork("securityGroups", v)}
              />
            </Field>
          </div>
          <Field
            id="field-public-ip"
            label="Public IP"
            hint="ENABLED is rejected for tasks on EC2."
          >
            <NativeSelect
              id="field-public-ip"
              value={publicIp}
              onChange={(e) =>
                setNetwork("assignPublicIp", e.target.value === "" ? undefined : e.target.value)
              }
            >
              <option value="">(not set)</option>
              <option value="ENABLED">ENABLED</option>
              <option value="DISABLED">DISABLED</option>
            </NativeSelect>
          </Field>
        </>
      ) : null}
    </FieldSection>
  );
}
