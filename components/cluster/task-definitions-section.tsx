"use client";

import { useQueries } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { adoptEarlyInput } from "@/components/ui/early-input";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { useSearchParam } from "@/components/ui/use-search-param";
import type { EcsError } from "@/lib/ecs";
import type { TaskDefinitionSummary } from "@/lib/snapshot/schema";

import { EcsErrorAlert } from "./ecs-error-alert";
import { taskDefinitionBatchQueryOptions } from "./queries";

const PAGE = 30;
const BATCH = 10;
export const COMPAT_OPTIONS = [
  { value: "", label: "Any" },
  { value: "EC2", label: "EC2" },
  { value: "FARGATE", label: "Fargate" },
] as const;

export interface TaskDefinitionsSectionProps {
  region: string;
  families: string[];
}

type Row =
  | { family: string; state: "pending" }
  | { family: string; state: "error"; error: EcsError }
  | { family: string; state: "ok"; td: TaskDefinitionSummary };

/**
 * Families listed at once, described progressively: only the families in view are described, in
 * batches of 10, because AWS has no batch describe and throttles reads per account.
 */
export function TaskDefinitionsSection({ region, families }: TaskDefinitionsSectionProps) {
  const params = useSearchParams();
  const [, setParam] = useSearchParam();
  const textId = useId();
  const compatId = useId();
  const [text, setText] = useState(params.get("family") ?? "");
  const compat = params.get("compat") ?? "";
  const [limit, setLimit] = useState(PAGE);

  const matching = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return families.filter((f) => f.toLowerCase().includes(needle)).sort();
  }, [families, text]);
  const inView = matching.slice(0, limit);
  const batches = useMemo(() => {
    const out: string[][] = [];
    for (let i = 0; i < inView.length; i += BATCH) out.push(inView.slice(i, i + BATCH));
    return out;
  }, [inView]);
  const results = useQueries({
    queries: batches.map((b) => taskDefinitionBatchQueryOptions(region, b)),
  });

  const rows: Row[] = inView.map((family) => {
    const batch = results[Math.floor(inView.indexOf(family) / BATCH)];
    const r = batch?.data?.[family];
    if (batch?.isError)
      return { family, state: "error", error: { kind: "aws-error", message: batch.error.message } };
    if (!r) return { family, state: "pending" };
    return r.ok ? { family, state: "ok", td: r.data } : { family, state: "error", error: r.error };
  });
  const described = rows.filter((r) => r.state !== "pending").length;
  const visibleRows = compat
    ? rows.filter((r) => r.state === "ok" && r.td.compatibilities.includes(compat))
    : rows;
  const firstError = rows.find((r): r is Extract<Row, { state: "error" }> => r.state === "error");

  return (
    <div className="space-y-3">
      {/* a filter typed or picked before the page hydrated is applied once it has */}
      <div ref={adoptEarlyInput} className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor={textId}>Family contains</Label>
          <Input
            id={textId}
            className="w-64"
            placeholder="e.g. etl"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setLimit(PAGE);
              setParam("family", e.target.value.trim());
            }}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor={compatId}>Compatibility</Label>
          <NativeSelect
            id={compatId}
            className="w-36"
            value={compat}
            onChange={(e) => setParam("compat", e.target.value)}
          >
            {COMPAT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div
          className="ml-auto min-w-64 space-y-1 text-xs text-muted-foreground"
          aria-live="polite"
        >
          <p>
            {matching.length.toLocaleString("en-US")} of {families.length.toLocaleString("en-US")}{" "}
            families match · described {described} of {inView.length} in view
          </p>
          <div
            role="progressbar"
            aria-label="Task definitions described"
            aria-valuemin={0}
            aria-valuemax={inView.length}
            aria-valuenow={described}
            className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-[width]"
              style={{ width: `${inView.length ? (described / inView.length) * 100 : 100}%` }}
            />
          </div>
        </div>
      </div>
      {firstError ? (
        <EcsErrorAlert what={`Task definition ${firstError.family}`} error={firstError.error} />
      ) : null}
      {compat ? (
        <p className="text-xs text-muted-foreground">
          The compatibility filter checks the families in view once they are described; show more to
          check more.
        </p>
      ) : null}
      <Table aria-label="Task definitions">
        <thead>
          <tr>
            <Th>Family</Th>
            <Th>Revision</Th>
            <Th>Compatibilities</Th>
            <Th>Requires</Th>
            <Th>Network mode</Th>
            <Th>CPU / memory</Th>
            <Th>Containers</Th>
          </tr>
        </thead>
        <tbody>
          {visibleRows.map((r) => (
            <tr key={r.family}>
              <Td className="font-medium">{r.family}</Td>
              {r.state === "ok" ? (
                <>
                  <Td className="tabular-nums">{r.td.revision}</Td>
                  <Td>
                    <div className="flex gap-1">
                      {r.td.compatibilities.map((c) => (
                        <Badge key={c} tone={c === "FARGATE" ? "info" : "neutral"}>
                          {c}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td>{r.td.requiresCompatibilities.join(", ") || "—"}</Td>
                  <Td>{r.td.networkMode ?? "—"}</Td>
                  <Td className="tabular-nums">
                    {r.td.cpu ?? "—"} / {r.td.memory ?? "—"}
                  </Td>
                  <Td>
                    <ul className="space-y-0.5 text-xs">
                      {r.td.containers.map((c) => (
                        <li key={c.name}>
                          <span className="font-medium">{c.name}</span>{" "}
                          <span className="font-mono text-muted-foreground">{c.image}</span>
                          {c.environmentNames.length ? (
                            <span className="block text-muted-foreground">
                              env: {c.environmentNames.join(", ")}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </>
              ) : (
                <Td colSpan={6} className="text-xs text-muted-foreground">
                  {r.state === "pending" ? "describing…" : "could not be described"}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      {visibleRows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No task definition matches the filters.</p>
      ) : null}
      {matching.length > limit ? (
        <Button size="sm" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, matching.length - limit)} more
        </Button>
      ) : null}
    </div>
  );
}
