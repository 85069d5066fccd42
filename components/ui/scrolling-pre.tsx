import type { HTMLAttributes } from "react";

import { cn } from "@/lib/utils";

export interface ScrollingPreProps extends HTMLAttributes<HTMLPreElement> {
  /** names the block for screen readers (announced when it takes focus) */
  label: string;
}

/**
 * Preformatted text in a bordered box that scrolls when it is long. It takes keyboard focus, so
 * people who cannot use a mouse reach it with Tab and scroll it with the arrow keys (WCAG 2.1.1,
 * axe's scrollable-region-focusable). It is a named group: without a role Chromium exposes it as a
 * generic element, on which ARIA allows no name (Orca said "Worker start commands clickable"; now
 * "Worker start commands panel"). Its width is its container's: its longest line does not
 * widen the page on a narrow screen (inline-size containment), it scrolls.
 */
export function ScrollingPre({ label, className, ...props }: ScrollingPreProps) {
  return (
    <pre
      tabIndex={0}
      role="group"
      aria-label={label}
      className={cn(
        "overflow-auto rounded-md border border-border bg-muted font-mono text-xs [contain:inline-size]",
        className,
      )}
      {...props}
    />
  );
}

/** A JSON value, pretty-printed with two spaces, in a ScrollingPre. */
export function JsonPre({
  value,
  label,
  className,
}: {
  value: unknown;
  label: string;
  className?: string;
}) {
  return (
    <ScrollingPre label={label} className={className}>
      {JSON.stringify(value, null, 2)}
    </ScrollingPre>
  );
}
