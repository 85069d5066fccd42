/**
 * The verdict line of a set of diagnostics: "1 error, 0 warnings". The editor's mode switch and
 * Checks tab, the push dialog, the screen-reader announcement and the CLI all print this one.
 * Notes (severity info) are not counted: they never block a push.
 */
import { counted } from "@/lib/template/counted";
import type { Diagnostic } from "./types";

export function tally(diagnostics: readonly Pick<Diagnostic, "severity">[]): string {
  return (["error", "warning"] as const)
    .map((severity) => counted(diagnostics.filter((d) => d.severity === severity).length, severity))
    .join(", ");
}
