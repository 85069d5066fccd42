/**
 * The `pooldeck` command on fuzzed files (fast-check, fixed seed): templates with random edits,
 * pools, arbitrary JSON and cut-off text, with and without job_variables, and good and bad
 * options. It exits only 0, 1 or 2; an exit 2 says why in one line; nothing is an internal error.
 * 40 cases: each starts a process (the bundled CLI of dist/cli, ~0.1 s plus Node's start), so the
 * engine's own 10,000 cases are in lib/checks/fuzz.test.ts.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";

import { buildCli } from "@/scripts/cli/build";
import { documentTextArb, FUZZ_SEED, jobVariablesArb } from "@/testing/fuzz";

const run = promisify(execFile);
let bin: string;
let work: string;

beforeAll(async () => {
  bin = join(await buildCli(), "pooldeck.mjs");
  work = mkdtempSync(join(tmpdir(), "pooldeck-fuzz-"));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const optionsArb = fc.record({
  command: fc.constantFrom("check", "render"),
  mode: fc.option(fc.constantFrom("hybrid", "push", "raw", "cloud"), { nil: undefined }),
  format: fc.option(fc.constantFrom("text", "json", "yaml"), { nil: undefined }),
  concurrency: fc.option(fc.constantFrom("3", "0", "many"), { nil: undefined }),
});

it("exits only 0, 1 or 2 on fuzzed files and options (40 processes)", async () => {
  let n = 0;
  const codes = new Set<number>();
  await fc.assert(
    fc.asyncProperty(
      documentTextArb,
      fc.option(jobVariablesArb, { nil: undefined }),
      optionsArb,
      async (text, jobVariables, options) => {
        n += 1;
        const file = join(work, `template-${n}.json`);
        writeFileSync(file, text);
        const args = [bin, options.command, file];
        if (jobVariables !== undefined) {
          const vars = join(work, `vars-${n}.json`);
          writeFileSync(vars, JSON.stringify(jobVariables));
          args.push("--job-variables", vars);
        }
        if (options.mode) args.push("--mode", options.mode);
        if (options.format && options.command === "check") args.push("--format", options.format);
        if (options.concurrency && options.command === "check")
          args.push("--concurrency", options.concurrency);
        let code = 0;
        let stderr = "";
        try {
          ({ stderr } = await run(process.execPath, args));
        } catch (error) {
          ({ code, stderr } = error as { code: number; stderr: string });
        }
        codes.add(code);
        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toContain("internal error");
        if (code === 2) expect(stderr).toMatch(/^pooldeck: [^\n]+\n$/);
      },
    ),
    { seed: FUZZ_SEED, numRuns: 40 },
  );
  // the cases reach more than the refusals: some files check clean or with errors
  expect([...codes].sort()).toEqual([0, 1, 2]);
}, 300_000);
