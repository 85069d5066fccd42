"use client";

import { useState, type ComponentProps } from "react";
import {
  TemplateEditor,
  type TemplateEditorProps,
} from "@/components/template-editor/template-editor";
import { adoptEarlyInput } from "@/components/ui/early-input";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { validateWorkPoolName } from "@/lib/prefect/names";

export interface NewPoolEditorProps extends Omit<
  ComponentProps<typeof TemplateEditor>,
  "pool" | "initialText" | "initialChecks"
> {
  /** default base job templates by pool type (ecs, and ecs:push when the server offers it) */
  templates: Record<string, string>;
  /** the server's check results of each default template (TemplateEditor's initialChecks) */
  initialChecksByType: Record<string, TemplateEditorProps["initialChecks"]>;
}

/** Name, type and template of a pool that does not exist yet. */
export function NewPoolEditor({
  templates,
  initialChecksByType,
  ...editorProps
}: NewPoolEditorProps) {
  const types = Object.keys(templates);
  const [name, setName] = useState("");
  const [type, setType] = useState(types[0] ?? "ecs");
  const problem = name === "" ? null : validateWorkPoolName(name);
  return (
    <div className="grid gap-4">
      {/* a name typed (or a type picked) before the page hydrated becomes the editor's state */}
      <div
        ref={adoptEarlyInput}
        className="grid gap-3 rounded-lg border border-border bg-card p-4 sm:grid-cols-2"
      >
        <div className="grid gap-1">
          <Label htmlFor="new-pool-name">Pool name</Label>
          <Input
            id="new-pool-name"
            value={name}
            aria-invalid={Boolean(problem) || undefined}
            aria-describedby={problem ? "new-pool-name-problem" : undefined}
            placeholder="ecs-production"
            onChange={(e) => setName(e.target.value)}
          />
          {problem ? (
            <p id="new-pool-name-problem" className="text-xs text-destructive">
              {problem.message}
            </p>
          ) : null}
        </div>
        <div className="grid gap-1">
          <Label htmlFor="new-pool-type">Type</Label>
          <NativeSelect id="new-pool-type" value={type} onChange={(e) => setType(e.target.value)}>
            {types.map((t) => (
              <option key={t} value={t}>
                {t === "ecs:push"
                  ? "ecs:push (Prefect Cloud push pool)"
                  : t === "ecs"
                    ? "ecs (hybrid worker)"
                    : t}
              </option>
            ))}
          </NativeSelect>
          <p className="text-xs text-muted-foreground">
            The template starts as Prefect&apos;s default for this type.
          </p>
        </div>
      </div>
      {/* keyed by type: switching type starts from that type's default template */}
      <TemplateEditor
        key={type}
        {...editorProps}
        pool={{ name, type, isNew: true }}
        draftName={`(new ${type} pool)`}
        initialText={templates[type] ?? "{}"}
        initialChecks={initialChecksByType[type]}
      />
    </div>
  );
}
