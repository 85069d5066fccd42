"use client";

import { memo } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Diagnostic, Severity } from "@/lib/checks";
import type { SkippedRule } from "@/lib/checks";
import { counted } from "@/lib/template/counted";

const ORDER: Severity[] = ["error", "warning", "info"];
const TONE: Record<Severity, BadgeTone> = {
  error: "destructive",
  warning: "warning",
  info: "info",
};
const LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };

export interface ChecksPanelProps {
  diagnostics: readonly Diagnostic[];
  skipped: readonly SkippedRule[];
  ms: number | null;
  onReveal(diagnostic: Diagnostic): void;
  onFix(diagnostic: Diagnostic): void;
  /** fixes need a parsed document */
  canFix: boolean;
  /** the panel's accessible name, unique on its page */
  label?: string;
}

/** Every diagnostic by severity; clicking one moves the editor's cursor to it. */
export const ChecksPanel = memo(function ChecksPanel({
  diagnostics,
  skipped,
  ms,
  onReveal,
  onFix,
  canFix,
  label = "Checks",
}: ChecksPanelProps) {
  const notRun = skipped.filter((s) => !s.reason.startsWith("not applicable"));
  const couldNotRun = notRun.length > 0 && `${counted(notRun.length, "check")} could not run`;
  return (
    <section
      aria-label={label}
      className="grid gap-3"
      data-checks-ms={ms === null ? undefined : ms.toFixed(1)}
    >
      {diagnostics.length === 0 ? (
        <p className="rounded-md border border-success/30 bg-success-muted px-3 py-2 text-sm">
          No problems found{couldNotRun ? ` (${couldNotRun}, see below)` : ""}.
        </p>
      ) : null}
      {ORDER.map((severity) => {
        const items = diagnostics.filter((d) => d.severity === severity);
        if (items.length === 0) return null;
        return (
          <div key={severity} className="grid gap-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {LABEL[severity]} ({items.length})
            </h3>
            <ul className="grid gap-1.5">
              {items.map((d, i) => (
                <li
                  key={`${d.rule}:${d.path}:${i}`}
                  data-rule={d.rule}
                  data-severity={d.severity}
                  className="rounded-md border border-border bg-card text-sm"
                >
                  <button
                    type="button"
                    className="block w-full px-3 py-2 text-left hover:bg-muted"
                    onClick={() => onReveal(d)}
                    title="Show in the JSON editor"
                  >
                    <span className="flex flex-wrap items-center gap-1.5">
                      <Badge tone={TONE[d.severity]}>{d.severity}</Badge>
                      <code className="text-xs text-muted-foreground">{d.rule}</code>
                      <code className="text-xs text-muted-foreground">
                        {d.document === "job_variables" ? "job_variables" : ""}
                        {d.path || "/"}
                      </code>
                    </span>
                    <span className="mt-1 block">{d.message}</span>
                  </button>
                  {d.fix && canFix ? (
                    <div className="border-t border-border px-3 py-1.5">
                      <Button type="button" size="sm" onClick={() => onFix(d)}>
                        {d.fix.title}
                      </Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {couldNotRun ? (
        <details className="text-xs text-muted-foreground">
          <summary>{couldNotRun}</summary>
          <ul className="mt-1 grid gap-0.5">
            {notRun.map((s) => (
              <li key={s.rule}>
                <code>{s.rule}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {ms !== null ? (
        <p className="text-xs text-muted-foreground">Checked in {ms.toFixed(1)} ms.</p>
      ) : null}
    </section>
  );
});
