"use client";

import { useState, type ReactNode } from "react";

export interface LazyDetailsProps {
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  summaryClassName?: string;
  /** rendered open (and its content at once), e.g. when a link points inside it */
  defaultOpen?: boolean;
}

/**
 * A closed <details> whose content is rendered the first time it is opened, and kept afterwards
 * (closing it again loses nothing typed inside). For heavy content most visitors never open, such
 * as a deployment's job_variables editor: rendered closed, it was hydrated (and checked) on every
 * pool page load for nothing.
 */
export function LazyDetails({
  summary,
  children,
  className,
  summaryClassName,
  defaultOpen = false,
}: LazyDetailsProps) {
  const [opened, setOpened] = useState(defaultOpen);
  return (
    <details
      className={className}
      open={defaultOpen || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
