"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Writes one search parameter of the current page (an empty value removes it) by replacing the
 * URL, and says whether the page for the new URL is still loading. Writes made before the URL has
 * changed build on each other, not each on the rendered URL: a user picking twice quickly, or two
 * early picks handed over at hydration (early-input.ts), would otherwise lose the first. Once the
 * URL changes (a write landing, or back and forward), writes build on it again.
 */
export function useSearchParam(): [pending: boolean, set: (key: string, value: string) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const rendered = useSearchParams().toString();
  const [pending, startTransition] = useTransition();
  const written = useRef<string | null>(null);
  useEffect(() => {
    written.current = null;
  }, [rendered]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(written.current ?? rendered);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    written.current = query;
    startTransition(() =>
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }),
    );
  };
  return [pending, set];
}
