import { Activity, type ReactNode } from "react";

/**
 * Server-rendered content that React hydrates after the rest of the page. A visible <Activity> is
 * a hydration boundary: during the first hydration pass React leaves the HTML inside it as the
 * server sent it and commits everything around it, then hydrates the boundary right after at idle
 * priority — or at once when the user clicks or types into it first (React hydrates it, then
 * replays the event). The page becomes interactive after hydrating only what is outside these
 * boundaries (BENCHMARKS.md, "form editable").
 *
 * Not a Suspense boundary: React's server renderer streams a large Suspense boundary's content
 * separately, after the shell, which would make these parts of the page appear late. An Activity
 * is written in place, and it shows no fallback of its own (what suspends inside it suspends to the
 * Suspense boundary above, as lazyPart brings its own).
 */
export function HydrateLater({ children }: { children: ReactNode }) {
  return <Activity mode="visible">{children}</Activity>;
}
