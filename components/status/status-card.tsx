import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export interface StatusFact {
  label: string;
  value: ReactNode;
}

export interface StatusCardProps {
  /** accessible name of the card, e.g. "Prefect" */
  title: string;
  ok: boolean;
  facts: StatusFact[];
  /** shown when not ok: what failed and what to do */
  problem?: { title: string; detail: ReactNode };
}

/** One integration's health: a verdict badge, what we are connected to, and what to do when it fails. */
export function StatusCard({ title, ok, facts, problem }: StatusCardProps) {
  const headingId = `status-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>{title}</CardTitle>
        <Badge tone={ok ? "success" : "destructive"} data-testid={`${headingId}-verdict`}>
          {ok ? "Connected" : "Not connected"}
        </Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="text-muted-foreground">{fact.label}</dt>
              <dd className="min-w-0 font-mono text-xs leading-5 break-all">{fact.value}</dd>
            </div>
          ))}
        </dl>
        {problem ? (
          <div
            role="alert"
            className="rounded-md border border-destructive/40 bg-destructive-muted px-3 py-2.5 text-sm"
          >
            <p className="font-medium">{problem.title}</p>
            <div className="mt-1 text-muted-foreground">{problem.detail}</div>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
