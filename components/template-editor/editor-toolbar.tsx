"use client";

import { memo, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Announce } from "@/components/ui/announce";
import { Button } from "@/components/ui/button";
import type { Diagnostic } from "@/lib/checks";
import type { Mode } from "@/lib/template/types";
import { cn } from "@/lib/utils";
import {
  activePreset,
  decidePreset,
  PRESETS,
  type PresetDecision,
  type PresetId,
  type SnapshotState,
} from "@/lib/template/editing/presets";
import type { JsonValue } from "@/lib/template/types";
import type { DocumentOp } from "@/lib/template/editing/document-model";
import type { JsonEditorHandle } from "./json-editor";
import { tally } from "@/lib/checks/tally";

const verdict = (diagnostics: readonly Diagnostic[] | null) =>
  diagnostics === null ? "checking…" : tally(diagnostics);

export interface EditorToolbarProps {
  /** the last valid document */
  value: JsonValue;
  /** the JSON parses (presets need a document to edit) */
  canEdit: boolean;
  apply(ops: DocumentOp[]): void;
  editor: JsonEditorHandle | null;
  mode: Mode;
  onModeChange(mode: Mode): void;
  /** null: that mode's first check has not run yet */
  verdicts: Record<Mode, readonly Diagnostic[] | null>;
  /** the text is too large to check: no verdict to show */
  notChecked?: boolean;
  /** what the editor knows about the template's cluster (presets that need it wait or explain) */
  snapshotState: SnapshotState;
  actions?: ReactNode;
}

const MODES: { id: Mode; label: string; hint: string }[] = [
  { id: "hybrid", label: "Hybrid worker", hint: "prefect-aws ECS worker (pool type ecs)" },
  { id: "push", label: "Push", hint: "Prefect Cloud push runner (pool type ecs:push)" },
];

/** Mode switch with each mode's verdict, one-click presets, undo, and the slot for pushing. */
export const EditorToolbar = memo(function EditorToolbar({
  value,
  canEdit,
  apply,
  editor,
  mode,
  onModeChange,
  verdicts,
  notChecked = false,
  snapshotState,
  actions,
}: EditorToolbarProps) {
  const shown = (m: Mode) => (notChecked ? "not checked" : verdict(verdicts[m]));
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-3 rounded-lg border border-border bg-card px-4 py-3">
      <div
        role="radiogroup"
        aria-label="Mode"
        className="flex items-center gap-1 rounded-md bg-muted p-1"
      >
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            role="radio"
            aria-checked={mode === m.id}
            title={m.hint}
            onClick={() => onModeChange(m.id)}
            className={cn(
              "rounded-sm px-2.5 py-1 text-left text-xs font-medium",
              mode === m.id
                ? "bg-card text-foreground shadow-xs"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {m.label}
            <span className="block text-[11px] font-normal text-muted-foreground">
              {shown(m.id)}
            </span>
          </button>
        ))}
      </div>
      {/* the shown mode's verdict for screen readers when it changes; a new region per mode, as the
          mode switch's options already carry their verdicts */}
      <Announce key={mode} text={`Checks: ${shown(mode)}`} />
      <PresetButtons
        value={value}
        canEdit={canEdit}
        apply={apply}
        editor={editor}
        mode={mode === "push" ? "push" : "hybrid"}
        snapshotState={snapshotState}
      />
      {/* the page's actions ("Update pool") read the editor state with useTemplateEditorState */}
      {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
    </div>
  );
});

type Outcome =
  { kind: "applied"; id: PresetId } | { kind: "refused"; id: PresetId; reason: string };

const labelOf = (id: PresetId) => PRESETS.find((p) => p.id === id)?.label ?? id;

/**
 * The preset buttons. A preset that cannot apply is aria-disabled with its reason shown next to
 * the buttons and as the button's description; one that waits for the cluster snapshot is
 * remembered when clicked and applied, as one edit, when the snapshot arrives.
 */
function PresetButtons({
  value,
  canEdit,
  apply,
  editor,
  mode,
  snapshotState,
}: {
  value: JsonValue;
  canEdit: boolean;
  apply(ops: DocumentOp[]): void;
  editor: JsonEditorHandle | null;
  mode: "hybrid" | "push";
  snapshotState: SnapshotState;
}) {
  const idBase = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<PresetId | null>(null);
  const active = activePreset(value);
  const decisions = Object.fromEntries(
    PRESETS.map((p) => [p.id, decidePreset(value, p.id, snapshotState, mode)]),
  ) as Record<PresetId, PresetDecision>;
  // A preset clicked while the snapshot loaded is decided once the decision no longer waits
  // (state adjusted while rendering); its operations are applied by the effect below, once.
  const [queued, setQueued] = useState<{ ops: DocumentOp[] } | null>(null);
  const pendingDecision = pending ? decisions[pending] : undefined;
  if (pending && pendingDecision && pendingDecision.kind !== "wait") {
    setPending(null);
    if (pendingDecision.kind === "apply") {
      setQueued({ ops: pendingDecision.ops });
      setOutcome({ kind: "applied", id: pending });
    } else {
      setOutcome({ kind: "refused", id: pending, reason: pendingDecision.reason });
    }
  }
  const appliedQueue = useRef<{ ops: DocumentOp[] } | null>(null);
  useEffect(() => {
    if (!queued || appliedQueue.current === queued) return;
    appliedQueue.current = queued;
    apply(queued.ops);
  }, [queued, apply]);

  const onClick = (id: PresetId) => {
    const decision = decisions[id];
    if (!canEdit || decision.kind === "disabled") return;
    if (decision.kind === "wait") {
      setPending(id);
      setOutcome(null);
      return;
    }
    setPending(null);
    apply(decision.ops);
    setOutcome({ kind: "applied", id });
  };
  const reasons = PRESETS.flatMap((p) => {
    const d = decisions[p.id];
    return d.kind === "apply" ? [] : [{ id: p.id, label: p.label, reason: d.reason }];
  });
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Presets">
        <span className="mr-1 text-xs font-medium text-muted-foreground">Presets</span>
        {PRESETS.map((p) => {
          const d = decisions[p.id];
          const unavailable = !canEdit || d.kind === "disabled";
          return (
            <Button
              key={p.id}
              type="button"
              size="sm"
              variant={active === p.id ? "primary" : "secondary"}
              aria-pressed={active === p.id}
              aria-disabled={unavailable || undefined}
              aria-busy={pending === p.id || undefined}
              aria-describedby={d.kind === "apply" ? undefined : `${idBase}-${p.id}`}
              title={d.kind === "apply" ? p.description : d.reason}
              onClick={() => onClick(p.id)}
              className={cn(unavailable && "cursor-not-allowed opacity-50")}
            >
              {p.label}
            </Button>
          );
        })}
        {pending ? (
          <span role="status" className="ml-1 text-xs text-muted-foreground">
            “{labelOf(pending)}” applies when the cluster has been read…
          </span>
        ) : outcome ? (
          <span
            role="status"
            className="ml-1 flex items-center gap-1 text-xs text-muted-foreground"
          >
            {outcome.kind === "applied"
              ? `Applied “${labelOf(outcome.id)}”.`
              : `“${labelOf(outcome.id)}” was not applied: ${outcome.reason.replace(/\.$/, "")}.`}
            {outcome.kind === "applied" && editor ? (
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  editor.undo();
                  setOutcome(null);
                }}
              >
                Undo
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
      {reasons.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 text-[11px] text-muted-foreground">
          {reasons.map((r) => (
            <li key={r.id}>
              {r.label}: <span id={`${idBase}-${r.id}`}>{r.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
