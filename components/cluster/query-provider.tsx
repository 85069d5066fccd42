"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { getQueryClient } from "@/lib/query-client";

/**
 * TanStack Query for the cluster pages, the only ones that use it. It lives in app/clusters/layout
 * rather than the root layout so that other routes (the pool editor above all) do not download it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
