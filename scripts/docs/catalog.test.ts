import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { RULE_IDS } from "@/lib/checks/registry";
import { RUN_DIAGNOSES } from "@/lib/runs/diagnoses/catalog";

import { DESIGN_PATH, renderCatalogs } from "./catalog";

const doc = readFileSync(DESIGN_PATH, "utf8");

describe("docs/design.md catalogs", () => {
  it("equal what the registries generate (run `npx tsx scripts/docs/catalog.ts` after changing a rule)", async () => {
    expect(doc).toBe(await renderCatalogs(doc));
  });

  it("list every check rule and run diagnosis id once, in registry order", () => {
    const ids = [...doc.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` +\|/gm)].map((m) => m[1]);
    expect(ids).toEqual([...RULE_IDS, ...RUN_DIAGNOSES.map((d) => d.id)]);
  });

  it("refuses a document without the generated section", async () => {
    await expect(renderCatalogs("# notes\n")).rejects.toThrow(
      'docs/design.md has no "<!-- catalog:checks (generated from lib/checks/registry.ts by scripts/docs/catalog.ts) -->"',
    );
  });
});
