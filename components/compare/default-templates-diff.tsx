"use client";

import { LazyTemplateDiff } from "@/components/push/lazy-template-diff";
import type { TemplateChange } from "@/lib/template/push-template";
import type { JsonObject } from "@/lib/template/types";

export interface DefaultTemplatesDiffProps {
  hybrid: JsonObject;
  push: JsonObject;
  /** set when Pooldeck derived the push template (the server has none) */
  derived: TemplateChange[] | null;
}

/** Prefect's default ecs and ecs:push templates in a Monaco diff, with what differs listed. */
export function DefaultTemplatesDiff({ hybrid, push, derived }: DefaultTemplatesDiffProps) {
  return (
    <div className="grid gap-3">
      <div
        className="h-[50vh] min-h-72 overflow-hidden rounded-md border border-border"
        aria-label="Default templates: ecs (left) and ecs:push (right)"
        role="region"
      >
        <LazyTemplateDiff
          original={JSON.stringify(hybrid, null, 2)}
          modified={JSON.stringify(push, null, 2)}
          originalLabel="ecs (hybrid worker): from Prefect"
          modifiedLabel={
            derived
              ? "ecs:push (push pool): derived by Pooldeck"
              : "ecs:push (push pool): from Prefect"
          }
        />
      </div>
      {derived ? (
        <div className="text-xs">
          <p className="font-medium">
            How Pooldeck derived ecs:push from the server&apos;s ecs template ({derived.length}{" "}
            {derived.length === 1 ? "change" : "changes"}; everything else is carried over):
          </p>
          <ul className="mt-1 list-disc pl-5 text-muted-foreground" aria-label="Derivation changes">
            {derived.map((c) => (
              <li key={c.pointer}>
                <span className="text-foreground">{c.title}</span> (<code>{c.pointer}</code>):{" "}
                {c.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
