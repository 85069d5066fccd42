import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { getAuditStore } from "@/lib/audit/server";
import { kindLabel, utcTime } from "./format";
import { IntentLink } from "@/components/ui/intent-link";

/**
 * The pool page's note after "Restore" on the history page (`?restored=<entry id>&side=`): which
 * version the draft holds, and that it reaches Prefect only through Update pool. Server-only.
 */
export async function restoredNotice(query: {
  restored?: string;
  side?: string;
}): Promise<ReactNode> {
  const id = Number(query.restored);
  if (!Number.isInteger(id) || id <= 0) return null;
  let what = `history entry ${id}`;
  try {
    const entry = await (await getAuditStore()).get(id);
    if (entry) {
      const by = `${entry.operator.displayName} on ${utcTime(entry.at)} (${kindLabel(entry)})`;
      what =
        query.side === "before"
          ? `the template as it was before the change by ${by}`
          : `the template as pushed by ${by}`;
    }
  } catch {
    // the note is a courtesy: the draft is in the editor whether or not the history answers
  }
  return (
    <Alert tone="info" title="An earlier version is loaded as a draft" className="mb-4">
      The editor holds {what}. Nothing has changed in Prefect yet: review it, then push it with
      Update pool (its diff, checks and conflict detection apply as to any edit), or discard the
      draft.{" "}
      <IntentLink href="?" className="underline">
        Hide this note
      </IntentLink>
    </Alert>
  );
}
