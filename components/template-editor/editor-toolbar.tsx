"use client";

import { memo, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Diagnostic } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { Mode } from "@/lib/template/types";
import { cn } from "@/lib/utils";
import { activePreset, presetOps, PRESETS, type PresetId } from "@/lib/template/editing/presets";
import type { JsonValue } from "@/lib/template/types";
import type { DocumentOp } from "@/lib/template/editing/document-model";
import type { JsonEditorHandle } from "./json-editor";

function verdict(diagnostics: readonly Diagnostic[] | null): string {
  if (diagnostics === null) return "checking…";
  const e = diagnostics.filter((d) => d.severity === "error").length;
  const w = diagnostics.filter((d) => d.severity === "warning").length;
  return `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"}`;
}

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
  snapshot?: ClusterSnapshot;
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
  snapshot,
  actions,
}: EditorToolbarProps) {
  const [applied, setApplied] = useState<PresetId | null>(null);
  const active = activePreset(value);
  const applyPreset = (id: PresetId) => {
    apply(presetOps(value, id, snapshot));
    setApplied(id);
  };
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
              {notChecked ? "not checked" : verdict(verdicts[m.id])}
            </span>
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Presets">
        <span className="mr-1 text-xs font-medium text-muted-foreground">Presets</span>
        {PRESETS.map((p) => (
          <Button
            key={p.id}
            type="button"
            size="sm"
            variant={active === p.id ? "primary" : "secondary"}
            aria-pressed={active === p.id}
            title={p.description}
            disabled={!canEdit}
            onClick={() => applyPreset(p.id)}
          >
            {p.label}
          </Button>
        ))}
        {applied ? (
          <span
            role="status"
            className="ml-1 flex items-center gap-1 text-xs text-muted-foreground"
          >
            Applied “{PRESETS.find((p) => p.id === applied)?.label}”.
            {editor ? (
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  editor.undo();
                  setApplied(null);
                }}
              >
                Undo
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
      {/* the page's actions ("Update pool") read the editor state with useTemplateEditorState */}
      {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
    </div>
  );
});
