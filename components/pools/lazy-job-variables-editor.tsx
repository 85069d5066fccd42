"use client";

import { lazyPart } from "@/components/ui/lazy-part";

/**
 * A deployment's job_variables editor (Monaco, the check engine, the RunTask preview), loaded when
 * its "Edit job variables" section is first opened. Imported directly, it put the check engine into
 * every pool page's first load (BENCHMARKS.md, route JavaScript and form editable).
 */
export const LazyJobVariablesEditor = lazyPart(
  () => import("./job-variables-editor").then((m) => m.JobVariablesEditor),
  <p role="status" className="text-sm text-muted-foreground">
    Loading the job_variables editor…
  </p>,
);
