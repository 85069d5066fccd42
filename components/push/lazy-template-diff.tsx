"use client";

import { lazyPart } from "@/components/ui/lazy-part";
import type { TemplateDiffViewProps } from "./template-diff";

/** Two templates side by side in Monaco's diff editor, loaded when first shown. */
export const LazyTemplateDiff = lazyPart<TemplateDiffViewProps>(
  () => import("./template-diff").then((m) => m.default),
  <p role="status" className="p-3 text-xs text-muted-foreground">
    Loading the diff…
  </p>,
);
