"use client";

import type { Diagnostic } from "@/lib/checks";
import { tally } from "@/lib/checks/tally";

export interface ChecksSummaryProps {
  diagnostics: readonly Diagnostic[];
  /** where these results come from, e.g. "in your browser" or "on the server" */
  source: string;
}

/** Error and warning counts, with every error listed (rule id and sentence). */
export function ChecksSummary({ diagnostics, source }: ChecksSummaryProps) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  return (
    <section aria-label="Checks summary" className="grid gap-1.5 text-sm">
      <p className="font-medium" data-testid="push-checks-count">
        Checks {source}: {tally(diagnostics)}
      </p>
      {errors.length > 0 ? (
        <ul className="grid max-h-40 gap-1 overflow-auto">
          {errors.map((d, i) => (
            <li
              key={`${d.rule}-${d.path}-${i}`}
              data-rule={d.rule}
              className="rounded border border-destructive/30 bg-destructive-muted px-2 py-1 text-xs"
            >
              <span className="font-mono text-[11px] text-destructive">{d.rule}</span> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
