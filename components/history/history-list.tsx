"use client";

/**
 * A pool's audit history, newest first: who, when and what kind of change, each expandable to a
 * Monaco diff of before and after (the push dialog's LazyTemplateDiff) and, for templates, the
 * restore buttons.
 */
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LazyTemplateDiff } from "@/components/push/lazy-template-diff";
import type { AuditEntry, AuditOutcome } from "@/lib/audit/types";
import { diffText, fieldSummary, kindLabel, templateOf, utcTime } from "./format";
import { RestoreButton } from "./restore-button";

const OUTCOMES: Record<AuditOutcome, { tone: BadgeTone; label: string; explain?: string }> = {
  succeeded: { tone: "success", label: "Stored in Prefect" },
  // by Prefect, or by Pooldeck when the pool changed since it was loaded; the error says which
  failed: { tone: "destructive", label: "Refused", explain: "Nothing changed." },
  pending: {
    tone: "warning",
    label: "Outcome not recorded",
    explain:
      "Pooldeck recorded this change before sending it and never learned the outcome (it stopped, or the history could not be updated). Compare with the pool in Prefect.",
  },
  unknown: {
    tone: "warning",
    label: "Outcome unknown",
    explain:
      "The request broke off without Prefect's answer; the change may or may not have landed.",
  },
};

export interface HistoryListProps {
  poolName: string;
  serverKey: string;
  /** the pool's template now, formatted as the editor shows it */
  currentText: string;
  entries: AuditEntry[];
}

/** The list; see the module comment. */
export function HistoryList({ poolName, serverKey, currentText, entries }: HistoryListProps) {
  if (entries.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No changes recorded yet. Every push through Pooldeck (template, status, concurrency limit,
        deployments&apos; job variables) appears here.
      </p>
    );
  }
  return (
    <ol className="grid gap-3" aria-label="Changes, newest first">
      {entries.map((entry) => (
        <HistoryItem
          key={entry.id}
          entry={entry}
          poolName={poolName}
          serverKey={serverKey}
          currentText={currentText}
        />
      ))}
    </ol>
  );
}

function HistoryItem({
  entry,
  poolName,
  serverKey,
  currentText,
}: {
  entry: AuditEntry;
  poolName: string;
  serverKey: string;
  currentText: string;
}) {
  const [open, setOpen] = useState(false);
  const outcome = OUTCOMES[entry.outcome];
  const title = kindLabel(entry);
  const after = templateOf(entry.after);
  const before = templateOf(entry.before);
  // restoring needs the current template (the draft's base); a deleted or unreadable pool has none
  const originalText = diffText(entry.before);
  const modifiedText = diffText(entry.after);
  // a few lines (status, job variables) need no half-screen editor
  const small = Math.max(originalText.split("\n").length, modifiedText.split("\n").length) < 12;
  const restorable = entry.outcome === "succeeded" && currentText !== "";
  return (
    <li
      aria-label={`${title}, ${utcTime(entry.at)}`}
      data-entry-id={entry.id}
      className="rounded-md border border-border bg-card p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium" data-testid="history-kind">
            {title}
          </span>
          <Badge tone={outcome.tone}>{outcome.label}</Badge>
        </div>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide changes" : "Show changes"}
        </Button>
      </div>
      <p className="mt-1 text-xs text-muted-foreground">
        <span data-testid="history-who">
          {entry.operator.displayName} ({entry.operator.id})
          {entry.source === "cli" ? " via the pooldeck CLI" : ""}
        </span>{" "}
        · <time dateTime={entry.at}>{utcTime(entry.at)}</time>
      </p>
      {fieldSummary(entry).map((line) => (
        <p key={line} className="mt-1 font-mono text-xs" data-testid="history-field">
          {line}
        </p>
      ))}
      {outcome.explain || entry.error ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {outcome.explain} {entry.error}
        </p>
      ) : null}
      {open ? (
        <div className="mt-3 grid gap-2">
          <div
            className={`${small ? "h-48" : "h-[45vh] min-h-64"} overflow-hidden rounded-md border border-border`}
          >
            <LazyTemplateDiff
              original={originalText}
              modified={modifiedText}
              originalLabel={entry.before === null ? "Before (did not exist)" : "Before"}
              modifiedLabel={entry.outcome === "succeeded" ? "After" : "Sent"}
            />
          </div>
          {restorable && (after || before) ? (
            <div className="flex flex-wrap items-center gap-3">
              {(
                [
                  ["after", after, "Restore this version"],
                  ["before", before, "Restore the version before this change"],
                ] as const
              ).map(([side, version, label]) =>
                version ? (
                  <RestoreButton
                    key={side}
                    serverKey={serverKey}
                    poolName={poolName}
                    entryId={entry.id}
                    side={side}
                    text={JSON.stringify(version, null, 2)}
                    currentText={currentText}
                    label={label}
                  />
                ) : null,
              )}
              <span className="text-xs text-muted-foreground">
                Restoring opens the template in the editor as a draft; push it with Update pool.
              </span>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
