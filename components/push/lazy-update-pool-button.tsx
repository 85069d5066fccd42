"use client";

import { lazyPart } from "@/components/ui/lazy-part";
import { Button } from "@/components/ui/button";

/**
 * The "Update pool" button with its dialog (Radix Dialog, focus trap, scroll lock, diff view),
 * loaded right after the editor is interactive instead of with it: none of it is needed before the
 * first click, and it kept the editor route over its JavaScript budget (BENCHMARKS.md). Until it
 * arrives a disabled button of the same size holds its place.
 */
export const LazyUpdatePoolButton = lazyPart(
  () => import("./update-pool-dialog").then((m) => m.UpdatePoolButton),
  <Button type="button" size="sm" variant="primary" disabled>
    Update pool
  </Button>,
);
