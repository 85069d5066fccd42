/** What a rule is: an id from the check catalog and a pure function of the check context. */
import type { Diagnostic } from "./types";
import type { CheckContext } from "./context";

/** A rule either reports diagnostics (possibly none) or says why it could not run. */
export type RuleResult = Diagnostic[] | { skipped: string };

export interface Rule {
  /** stable id from the docs/design.md check catalog */
  id: string;
  /** one line for documentation and the editor's rule list */
  summary: string;
  /**
   * "document": runs on any template object; "plan": needs a template that renders
   * (skipped when the template is structurally broken).
   */
  needs: "document" | "plan";
  run(ctx: CheckContext): RuleResult;
}

/** Shorthand for a skipped result. */
export function skip(reason: string): RuleResult {
  return { skipped: reason };
}
