/**
 * The catalogs in docs/design.md are generated from the registries, so the design notes cannot
 * drift from the code: `npx tsx scripts/docs/catalog.ts` rewrites them, and catalog.test.ts fails
 * when the file differs from what this would write.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";

import { INVALID_JSON_RULE, RULES } from "@/lib/checks/registry";
import { RUN_DIAGNOSES } from "@/lib/runs/diagnoses/catalog";

export const DESIGN_PATH = fileURLToPath(new URL("../../docs/design.md", import.meta.url));

interface CatalogRow {
  id: string;
  text: string;
}

const escapeCell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function table(header: [string, string], rows: CatalogRow[]): string {
  return [
    `| ${header[0]} | ${header[1]} |`,
    "|---|---|",
    ...rows.map((row) => `| \`${row.id}\` | ${escapeCell(row.text)} |`),
  ].join("\n");
}

/** Each generated section: its marker name, the registry it comes from, and its rows. */
function sections(): { name: string; source: string; body: string }[] {
  return [
    {
      name: "checks",
      source: "lib/checks/registry.ts",
      body: table(
        ["rule", "what it checks"],
        [
          { id: INVALID_JSON_RULE, text: "The document must parse as JSON." },
          ...RULES.map((rule) => ({ id: rule.id, text: rule.summary })),
        ],
      ),
    },
    {
      name: "diagnoses",
      source: "lib/runs/diagnoses/catalog.ts",
      body: table(
        ["diagnosis", "what happened"],
        RUN_DIAGNOSES.map((d) => ({ id: d.id, text: `${d.severity}: ${d.description}` })),
      ),
    },
  ];
}

/**
 * `doc` with every generated section replaced by what the registries say today, formatted the
 * way `npm run format` formats the file (so the format check and this agree).
 */
export async function renderCatalogs(doc: string): Promise<string> {
  let out = doc;
  for (const { name, source, body } of sections()) {
    const open = `<!-- catalog:${name} (generated from ${source} by scripts/docs/catalog.ts) -->`;
    const close = `<!-- /catalog:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) {
      throw new Error(`docs/design.md has no "${open}" … "${close}" section`);
    }
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  const options = await resolveConfig(DESIGN_PATH);
  return format(out, { ...options, filepath: DESIGN_PATH });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(DESIGN_PATH, "utf8");
  writeFileSync(DESIGN_PATH, await renderCatalogs(doc));
  console.log("docs/design.md: catalogs rewritten from the registries");
}
