"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useTransition } from "react";

/**
 * Writes one search parameter of the current page (an empty value removes it) by replacing the
 * URL, and says whether the page for the new URL is still loading. Two writes before the URL has
 * changed build on each other, not both on the rendered URL: a user picking twice quickly, or
 * two early picks handed over at hydration (early-input.ts), would otherwise lose the first.
 */
export function useSearchParam(): [pending: boolean, set: (key: string, value: string) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const rendered = useSearchParams().toString();
  const [pending, startTransition] = useTransition();
  const written = useRef<{ on: string; query: string } | null>(null);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(
      written.current?.on === rendered ? written.current.query : rendered,
    );
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    written.current = { on: rendered, query };
    startTransition(() =>
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }),
    );
  };
  return [pending, set];
}
