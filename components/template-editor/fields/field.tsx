import type { ReactNode } from "react";
import { Label } from "@/components/ui/input";
import { adoptEarlyInput } from "@/components/ui/early-input";

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** problems with what was typed, shown under the control and tied to it with aria-describedby */
  errors?: string[];
  children: ReactNode;
}

/**
 * A labelled control with its hint and inline errors. The label's id is `<id>-label`, for a control
 * that is not a form element (a group of inputs) to name itself with aria-labelledby.
 */
export function Field({ id, label, hint, errors = [], children }: FieldProps) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} id={`${id}-label`}>
        {label}
      </Label>
      {children}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="text-xs text-destructive">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A group of fields under a heading. content-visibility: auto lets the browser skip laying out and
 * painting the sections below the fold until they come near the viewport (the first layout of the
 * pool page was one of the larger costs before the form could take input, BENCHMARKS.md). What
 * was typed into its server-rendered fields before they hydrated reaches the document
 * (adoptEarlyInput).
 */
export function FieldSection({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section
      ref={adoptEarlyInput}
      aria-label={title}
      className="grid gap-3 rounded-lg border border-border bg-card p-4 [contain-intrinsic-block-size:auto_400px] [content-visibility:auto]"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
