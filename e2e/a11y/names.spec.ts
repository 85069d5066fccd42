/**
 * Accessible names as Chromium itself computes them (its accessibility tree over CDP, which
 * screen readers read), not as Playwright's own computation does: Chromium leaves a whitespace-only
 * text node out of a name when it follows a comment, and React's server renderer puts a comment
 * between two adjacent text nodes. So `Checks{" "}<span>…` named the tab "Checks0 errors", and a
 * screen reader said so. On every page, no name of a control, heading, region, table cell or list
 * item may run together two words that the page shows apart (write `{"an "}<strong>`, not
 * `an{" "}<strong>`). And what takes the keyboard focus has a role: Chromium exposes a focusable
 * element without one as generic, which Orca announces as "clickable".
 */
import type { CDPSession } from "@playwright/test";
import { expect, test, type Page } from "@/testing/e2e/test";
import { PAGES } from "./pages";

const NAMED = new Set([
  "heading",
  "button",
  "link",
  "tab",
  "radio",
  "checkbox",
  "combobox",
  "textbox",
  "region",
  "group",
  "columnheader",
  "cell",
  "rowheader",
  "listitem",
  "option",
  "menuitem",
]);

type AxNode = {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  properties?: { name: string; value?: { value?: unknown } }[];
};

/**
 * Opens every page and requires that `find` reports nothing in Chromium's accessibility tree there
 * (soft: one run lists every page's findings).
 */
async function onEveryPage(
  page: Page,
  what: string,
  find: (nodes: AxNode[], cdp: CDPSession) => Promise<string[]>,
) {
  const cdp = await page.context().newCDPSession(page);
  for (const visit of PAGES) {
    await test.step(visit.name, async () => {
      await visit.open(page);
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
      expect.soft(await find(nodes, cdp), `${visit.name}: ${what}`).toEqual([]);
    });
  }
}

const words = (s: string) => s.split(" ").length;

test("no accessible name runs two shown words together", async ({ page }) => {
  test.setTimeout(120_000);
  await onEveryPage(page, "names with words run together", async (nodes, cdp) => {
    const glued: string[] = [];
    for (const node of nodes) {
      const name = (node.name?.value ?? "").replace(/\s+/g, " ").trim();
      if (node.ignored || !name || !node.backendDOMNodeId) continue;
      if (!NAMED.has(node.role?.value ?? "")) continue;
      const { object } = await cdp.send("DOM.resolveNode", {
        backendNodeId: node.backendDOMNodeId,
      });
      const shown = (await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId!,
        functionDeclaration:
          "function () { return (this.innerText || '').replace(/\\s+/g, ' ').trim(); }",
        returnByValue: true,
      })) as { result: { value?: string } };
      const text = shown.result.value ?? "";
      // the same characters, fewer spaces: words the page shows apart, run together in the name
      if (name.replaceAll(" ", "") === text.replaceAll(" ", "") && words(name) < words(text)) {
        glued.push(`${node.role?.value} "${name}" (shown: "${text}")`);
      }
    }
    return glued;
  });
});

test("everything that takes the keyboard focus has a role", async ({ page }) => {
  test.setTimeout(120_000);
  await onEveryPage(page, "focusable elements without a role", async (nodes) =>
    nodes
      .filter(
        (n) => !n.ignored && n.properties?.some((p) => p.name === "focusable" && p.value?.value),
      )
      .filter((n) => ["generic", "none", ""].includes(n.role?.value ?? ""))
      .map((n) => `"${n.name?.value ?? ""}"`),
  );
});
