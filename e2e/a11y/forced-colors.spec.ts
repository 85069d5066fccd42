/**
 * Forced colours (Windows contrast themes): the system replaces every background, so whatever the
 * page shows with a background alone (the chosen mode, the pressed preset, the current page, a
 * switch's state) must show another way. Pooldeck marks them with the system's Highlight colour.
 */
import { expect, test, type Locator, type Page } from "@/testing/e2e/test";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

test.use({ forcedColors: "active" });

/** A system colour as the browser computes it in this theme. */
function systemColor(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement("div");
    probe.style.forcedColorAdjust = "none";
    probe.style.color = name;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, name);
}

/** The control's edge is `width` wide in `color` (retried: colours change with a transition). */
async function expectEdge(control: Locator, width: string, color: string) {
  await expect(control).toHaveCSS("border-top-width", width);
  await expect(control).toHaveCSS("border-top-color", color);
}

test("the chosen mode, the pressed preset and the current page are marked with Highlight", async ({
  page,
}) => {
  await page.goto(`/pools/${POOL}`);
  const highlight = await systemColor(page, "Highlight");
  const buttonText = await systemColor(page, "ButtonText");
  expect(highlight).not.toBe(buttonText);

  const mode = page.getByRole("radiogroup", { name: "Mode" });
  await expect(mode.getByRole("radio", { checked: true })).toHaveCount(1);
  await expectEdge(mode.getByRole("radio", { checked: true }), "2px", highlight);
  await expectEdge(mode.getByRole("radio", { checked: false }), "1px", buttonText);

  const presets = page.getByRole("group", { name: "Presets" });
  await expect(presets.getByRole("button", { pressed: true })).toHaveCount(1);
  await expectEdge(presets.getByRole("button", { pressed: true }), "2px", highlight);
  await expectEdge(presets.getByRole("button", { name: "EC2 launch type" }), "1px", buttonText);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expectEdge(nav.getByRole("link", { name: "Pools" }), "2px", highlight);
});

test("a switch shows whether it is on, and a meter how full it is, in system colours", async ({
  page,
}) => {
  await page.goto("/clusters/demo-cluster?region=us-east-1");
  const highlight = await systemColor(page, "Highlight");
  const highlightText = await systemColor(page, "HighlightText");
  const canvas = await systemColor(page, "Canvas");
  const buttonText = await systemColor(page, "ButtonText");
  const auto = page.getByRole("switch", { name: "Auto-refresh every 30 seconds" });
  await expect(auto).not.toBeChecked();
  await expect(auto).toHaveCSS("background-color", canvas);
  await expect(auto.locator("> *")).toHaveCSS("background-color", buttonText);
  await auto.click();
  await expect(auto).toBeChecked();
  await expect(auto).toHaveCSS("background-color", highlight);
  await expect(auto.locator("> *")).toHaveCSS("background-color", highlightText);

  const meter = page.getByRole("meter").first();
  await expect(meter).toHaveCSS("background-color", canvas);
  await expect(meter).toHaveCSS("border-top-color", buttonText);
  await expect(meter.locator("> *")).toHaveCSS("background-color", buttonText);
});
