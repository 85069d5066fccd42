"use client";

import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A part of a page whose code loads when it is first shown, in the browser only: the server and
 * the hydration pass render `fallback`, then React.lazy fetches the part's chunk inside a Suspense
 * boundary of its own (so a part that is still loading never suspends the page around it, nor takes
 * the focus from Monaco). Pooldeck's lazy parts are Monaco, dialogs and what the browser fetches
 * after the page is interactive; none needs server rendering, so next/dynamic's server-side chunk
 * preloading is not needed, and its runtime was ~1.4 kB gzip of the pool page's first JavaScript.
 * Calling `load` ahead of time (at an idle moment) fetches the chunk before the part is shown.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  function LazyPart(props: P) {
    const hydrated = useHydrated();
    if (!hydrated) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
