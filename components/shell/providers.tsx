"use client";

import type { ReactNode } from "react";

/**
 * App-wide client providers. Empty on purpose for now: TanStack Query's provider is in
 * app/clusters/layout.tsx (only the cluster pages use it), which keeps ~12 kB gzip of it out of
 * every other route's JavaScript, the pool editor's included (BENCHMARKS.md, route budget).
 */
export function Providers({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
