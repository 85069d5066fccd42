/**
 * Property-based tests (fast-check, fixed seed): whatever template, work pool, job_variables or
 * text the check engine gets, it returns a result (never throws), no rule fails internally, and
 * every diagnostic and skipped rule names a rule of the catalog. 10,000 cases in all, split by
 * what a case costs: an edited template recompiles its variables schema (~7 ms of CPU per case),
 * job_variables against a real template take ~1.3 ms, text that does not parse less. About 25 s of
 * CPU for the file on this machine's cores.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  baseTemplateArb,
  documentTextArb,
  FUZZ_SEED,
  jobVariablesArb,
  templateDocumentArb,
} from "@/testing/fuzz";
import { snapshot } from "@/testing/snapshot";
import type { Mode } from "@/lib/template/types";
import { checkJobVariablesText, checkText, RULE_IDS, runChecks, type CheckResult } from "./index";

const CATALOG = new Set(RULE_IDS);
const SEVERITIES = new Set(["error", "warning", "info"]);
const DOCUMENTS = new Set(["template", "job_variables"]);
const modeArb = fc.constantFrom<Mode>("hybrid", "push", "raw");
const SNAPSHOT = snapshot();

/** What every result must satisfy; returns the first problem, for fast-check's report. */
function problemOf(result: CheckResult): string | null {
  for (const d of result.diagnostics) {
    if (!CATALOG.has(d.rule)) return `diagnostic of unknown rule ${d.rule}`;
    if (!SEVERITIES.has(d.severity)) return `severity ${d.severity}`;
    if (!DOCUMENTS.has(d.document)) return `document ${d.document}`;
    if (typeof d.path !== "string" || (d.path !== "" && !d.path.startsWith("/")))
      return `path ${JSON.stringify(d.path)}`;
    if (typeof d.message !== "string" || d.message.length === 0) return `empty message (${d.rule})`;
  }
  for (const s of result.skipped) {
    if (!CATALOG.has(s.rule)) return `skipped unknown rule ${s.rule}`;
    if (s.reason.startsWith("internal error")) return `${s.rule}: ${s.reason}`;
  }
  return null;
}

const options = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns });
// wall-clock on a loaded 2-core machine has been ten times the CPU time (100 s for the first)
const TIMEOUT = 600_000;

describe("the check engine on fuzzed input", () => {
  it(
    "edited templates, work pools and arbitrary JSON, with job_variables (1,500 cases)",
    () => {
      fc.assert(
        fc.property(
          templateDocumentArb,
          fc.option(jobVariablesArb, { nil: undefined }),
          modeArb,
          fc.boolean(),
          fc.option(fc.integer({ min: -2, max: 50 }), { nil: undefined }),
          (template, jobVariables, mode, withSnapshot, pool) => {
            const result = runChecks({
              template,
              jobVariables,
              mode,
              ...(withSnapshot ? { snapshot: SNAPSHOT } : {}),
              ...(pool !== undefined ? { concurrency: { pool } } : {}),
            });
            expect(problemOf(result)).toBe(null);
          },
        ),
        options(1_500),
      );
    },
    TIMEOUT,
  );

  it(
    "fuzzed job_variables against real templates, with a snapshot and limits (5,500 cases)",
    () => {
      fc.assert(
        fc.property(
          baseTemplateArb,
          jobVariablesArb,
          modeArb,
          fc.boolean(),
          fc.option(fc.integer({ min: -2, max: 50 }), { nil: undefined }),
          (template, jobVariables, mode, withSnapshot, deployment) => {
            const result = runChecks({
              template,
              jobVariables,
              mode,
              ...(withSnapshot ? { snapshot: SNAPSHOT } : {}),
              ...(deployment !== undefined ? { concurrency: { deployment } } : {}),
            });
            expect(problemOf(result)).toBe(null);
          },
        ),
        options(5_500),
      );
    },
    TIMEOUT,
  );

  it(
    "template text as typed, cut off or garbled (2,000 cases)",
    () => {
      fc.assert(
        fc.property(documentTextArb, modeArb, (text, mode) => {
          const result = checkText(text, { mode });
          expect(problemOf(result)).toBe(null);
        }),
        options(2_000),
      );
    },
    TIMEOUT,
  );

  it(
    "job_variables text against a real template (1,000 cases)",
    () => {
      fc.assert(
        fc.property(baseTemplateArb, documentTextArb, modeArb, (template, text, mode) => {
          const result = checkJobVariablesText(text, { template, mode });
          expect(problemOf(result)).toBe(null);
        }),
        options(1_000),
      );
    },
    TIMEOUT,
  );
});
