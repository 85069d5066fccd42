"use client";

import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ScrollingPre } from "@/components/ui/scrolling-pre";
import { cn } from "@/lib/utils";

export interface CodeBlockProps {
  /** names the block; the copy button is "Copy <label>" */
  label: string;
  text: string;
  /** offer the text as a file download too */
  download?: { fileName: string; mediaType: string };
  className?: string;
}

/** Preformatted text with a copy button (and optionally a download), each with an accessible name. */
export function CodeBlock({ label, text, download, className }: CodeBlockProps) {
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied("ok"),
      () => setCopied("failed"),
    );
  };
  const href = download
    ? `data:${download.mediaType};charset=utf-8,${encodeURIComponent(text)}`
    : "";
  return (
    <figure className={cn("min-w-0", className)}>
      <figcaption className="flex items-center justify-between gap-2 pb-1 text-xs font-medium text-muted-foreground">
        <span>{label}</span>
        <span className="flex items-center gap-1">
          <span role="status" className="text-xs">
            {copied === "ok" ? "Copied" : copied === "failed" ? "Copy failed: select the text" : ""}
          </span>
          {download ? (
            <a
              href={href}
              download={download.fileName}
              aria-label={`Download ${download.fileName}`}
              className={buttonClass({ size: "sm", variant: "ghost" })}
            >
              Download
            </a>
          ) : null}
          <Button
            type="button"
            size="sm"
            variant="ghost"
            aria-label={`Copy ${label}`}
            onClick={copy}
          >
            Copy
          </Button>
        </span>
      </figcaption>
      <ScrollingPre label={label} className="max-h-80 p-3 leading-relaxed whitespace-pre">
        {text}
      </ScrollingPre>
    </figure>
  );
}
