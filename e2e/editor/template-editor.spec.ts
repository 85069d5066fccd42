import { expect, test, type Page } from "@/testing/e2e/test";
import { applyOps } from "@/lib/template/editing/document-model";
import { presetOps } from "@/lib/template/editing/presets";
import {
  createPool,
  defaultEcsTemplate,
  deleteTestPools,
  draftText,
  gotoLineEnd,
  nearConflictTemplate,
  waitForMonaco,
  type Template,
} from "./pools";
import { shot } from "@/testing/e2e/shot";

const CONFLICT = "ecs/launch-type-and-capacity-provider-strategy";

/** Milliseconds from a keystroke until the conflict's panel entry appears (present) or goes (absent). */
async function timeKeystroke(page: Page, key: string, present: boolean): Promise<number> {
  await page.evaluate(
    ({ rule, present }) => {
      const w = window as unknown as { __typed: number; __seen?: number };
      delete w.__seen;
      const done = () => Boolean(document.querySelector(`[data-rule="${rule}"]`)) === present;
      const observer = new MutationObserver(() => {
        if (done()) {
          w.__seen = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      w.__typed = performance.now();
    },
    { rule: CONFLICT, present },
  );
  await page.keyboard.press(key);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __seen?: number }).__seen ?? null))
    .not.toBeNull();
  return page.evaluate(() => {
    const w = window as unknown as { __typed: number; __seen: number };
    return w.__seen - w.__typed;
  });
}

test.afterAll(deleteTestPools);

test("a conflicting edit typed into Monaco is marked, and its quick fix removes it", async ({
  page,
}, info) => {
  const template = await nearConflictTemplate();
  const pool = await createPool("conflict", template);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  const checks = page.getByRole("region", { name: "Checks" });
  const entry = checks.locator(`[data-rule="${CONFLICT}"]`);
  await expect(entry).toHaveCount(0);

  // cursor right after "launchTyp (Home goes to the line's first character, the opening quote)
  const text = JSON.stringify(template, null, 2);
  await gotoLineEnd(page, text.split("\n").findIndex((l) => l.includes('"launchTyp":')) + 1);
  await page.keyboard.press("Home");
  for (let i = 0; i < '"launchTyp'.length; i++) await page.keyboard.press("ArrowRight");
  // one unmeasured round first: the page's first check run pays for JIT warm-up, not for the edit
  await timeKeystroke(page, "e", true);
  await timeKeystroke(page, "Backspace", false);
  const latencies: number[] = [];
  for (const [key, present] of [
    ["e", true],
    ["Backspace", false],
    ["e", true],
    ["Backspace", false],
    ["e", true],
  ] as const) {
    latencies.push(await timeKeystroke(page, key, present));
  }
  const shown = latencies.map((l) => l.toFixed(0)).join(", ");
  info.annotations.push({
    type: "conflict latency (ms), appear/vanish alternating",
    description: shown,
  });
  console.log(`conflict latency (ms), appear/vanish alternating: ${shown}`);
  // Reported, not asserted: timing budgets belong in `npm run bench` (shared CI machines are noisy).
  // Each timeKeystroke above already waited for the entry to appear or vanish.
  await expect(entry).toBeVisible();
  // hybrid pool: the worker drops launchType, so a warning; a push pool keeps it, so an error
  await expect(entry).toHaveAttribute("data-severity", "warning");
  // the marker sits on what sets launchType (here launch_type's default); clicking the entry goes there
  await entry.getByRole("button").first().click();
  await expect(page.locator(".monaco-editor .squiggly-warning").first()).toBeVisible();
  await shot(page, info, "conflict-hybrid");

  await page.getByRole("radio", { name: /Push/ }).click();
  const conflictError = checks.locator(`[data-rule="${CONFLICT}"][data-severity="error"]`);
  await expect(conflictError).toBeVisible();
  await conflictError.getByRole("button").first().click();
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
  await shot(page, info, "conflict-push");

  // click the entry: the cursor goes to the marked text; Ctrl+. offers our fix as a code action
  const fixTitle = (await conflictError.getByRole("button").nth(1).textContent()) ?? "";
  expect(fixTitle).toBe("Remove launchType from task_run_request");
  await conflictError.getByRole("button").first().click();
  await page.keyboard.press("Control+.");
  const action = page.locator(".action-widget").getByText(fixTitle);
  await expect(action).toBeVisible();
  await shot(page, info, "quick-fix-menu");
  // Monaco's action list takes the keyboard (a pointer block covers it); ours is the preferred, first item
  await page.keyboard.press("Enter");
  await expect(conflictError).toHaveCount(0);
  const fixed = JSON.parse((await draftText(page, pool)) ?? "{}") as Template;
  expect(fixed.job_configuration.task_run_request.capacityProviderStrategy).toEqual([
    { capacityProvider: "general-asg", weight: 1 },
  ]);
  expect(Object.hasOwn(fixed.job_configuration.task_run_request, "launchTyp")).toBe(false);
  expect(Object.hasOwn(fixed.job_configuration.task_run_request, "launchType")).toBe(false);
  await shot(page, info, "quick-fix-applied");
});

test("changing the strategy in the form changes the JSON", async ({ page }, info) => {
  const pool = await createPool("form", await defaultEcsTemplate());
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  await page.getByLabel("Cluster").selectOption("demo-cluster");
  // the cluster's providers arrive with its snapshot
  await expect(page.getByTestId("snapshot-status")).toContainText("Cluster demo-cluster read at");
  await page.getByRole("button", { name: "Add provider" }).click();
  await page.getByLabel("Provider of row 1").selectOption("general-asg");
  await page.getByLabel("Weight of row 1").fill("3");
  await page.getByLabel("Base of row 1").fill("2");
  const doc = JSON.parse((await draftText(page, pool)) ?? "{}") as Template;
  expect(doc.variables.properties.capacity_provider_strategy!.default).toEqual([
    { capacityProvider: "general-asg", base: 2, weight: 3 },
  ]);
  expect(doc.variables.properties.cluster!.default).toBe("demo-cluster");
  // ECS rules while typing: a second base is refused with the row named
  await page.getByRole("button", { name: "Add provider" }).click();
  await page.getByLabel("Base of row 2").fill("1");
  await expect(
    page.getByText("Only one provider may have a base; row 1 already has one."),
  ).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(
    "capacity_provider_strategy",
  );
  await shot(page, info, "strategy-form");
});

test("a preset is one visible edit that undo takes back", async ({ page }, info) => {
  const template = await defaultEcsTemplate();
  template.variables.properties.cluster!.default = "demo-cluster";
  const pool = await createPool("preset", template);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  const original = JSON.stringify(template, null, 2);
  await page.getByRole("button", { name: "Capacity providers" }).click();
  const snapshotProviders = {
    cluster: { defaultCapacityProviderStrategy: [] },
    capacityProviders: [
      { name: "general-asg", kind: "AUTO_SCALING_GROUP", associated: true, status: "ACTIVE" },
      { name: "gpu-asg", kind: "AUTO_SCALING_GROUP", associated: true, status: "ACTIVE" },
    ],
  } as unknown as Parameters<typeof presetOps>[2];
  const expected = applyOps(
    original,
    presetOps(JSON.parse(original), "capacity-providers", snapshotProviders),
  );
  await expect.poll(() => draftText(page, pool)).toBe(expected);
  await expect(page.getByRole("button", { name: "Capacity providers" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await shot(page, info, "preset-capacity-providers");
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => draftText(page, pool)).toBe(null);
  await expect(page.getByRole("button", { name: "Fargate", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("a draft survives a reload and can be discarded", async ({ page }, info) => {
  const pool = await createPool("draft", await defaultEcsTemplate());
  await page.goto(`/pools/${pool}`);
  // typed once the page is interactive (Monaco mounts after hydration): a busy machine can leave
  // the server-rendered field inert for a while, and the test is about drafts, not hydration
  await waitForMonaco(page);
  await page.getByLabel("Image").fill("example.com/flows:1.2.3");
  await expect.poll(() => draftText(page, pool)).toContain("example.com/flows:1.2.3");
  await page.reload();
  await expect(page.getByText(/Restored your unsaved draft from/)).toBeVisible();
  await expect(page.getByLabel("Image")).toHaveValue("example.com/flows:1.2.3");
  await waitForMonaco(page);
  await shot(page, info, "draft-restored");
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel("Image")).toHaveValue("");
  await expect(page.getByText(/Restored your unsaved draft/)).toHaveCount(0);
  expect(await draftText(page, pool)).toBe(null);
});

test("invalid JSON keeps the form and says where to fix it", async ({ page }, info) => {
  const template = await defaultEcsTemplate();
  template.variables.properties.image!.default = "prefecthq/prefect:3-latest";
  const pool = await createPool("invalid", template);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  await gotoLineEnd(page, 1);
  await page.keyboard.insertText(" oops");
  await expect(page.getByText("JSON needs fixing: line 1 col 3")).toBeVisible();
  await expect(page.getByLabel("Image")).toHaveValue("prefecthq/prefect:3-latest");
  await expect(page.getByLabel("Image")).toBeDisabled();
  await shot(page, info, "invalid-json");
  await page.keyboard.press("Control+z");
  await expect(page.getByText(/JSON needs fixing/)).toHaveCount(0);
  await expect(page.getByLabel("Image")).toBeEnabled();
});

test("a pool Prefect holds with an empty template opens, and Monaco completes its top-level keys", async ({
  page,
}, info) => {
  // what Prefect stores for a pool created without a template (the API's default)
  const pool = await createPool("empty", {} as Template);
  await page.goto(`/pools/${pool}`);
  await waitForMonaco(page);
  await expect(page.locator(".monaco-editor .view-lines")).toHaveText("{}");
  await gotoLineEnd(page, 1);
  await page.keyboard.press("ArrowLeft");
  const suggestions = page.locator(".monaco-editor .suggest-widget .monaco-list-row");
  // the completion schema loads after hydration; asked before, Monaco answers "No suggestions."
  await expect(async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Space");
    await expect(suggestions).toHaveText([/^job_configuration/, /^variables/], { timeout: 2_000 });
  }).toPass();
  await shot(page, info, "empty-template-completion");
});

test("a field's long description shows two lines, and whole while the field has the focus", async ({
  page,
}) => {
  await page.goto("/pools/demo-ecs");
  const description = page.getByText(
    "A family for the task definition. If not provided, it will be inferred from the task definition. If the task definition does not have a family, the name will be generated. When flow and deployment metadata is available, the generated name will include their names. Values for this field will be slugified to match AWS character requirements.",
    { exact: true },
  );
  await description.scrollIntoViewIfNeeded();
  const hidden = () => description.evaluate((el) => el.scrollHeight - el.clientHeight);
  const lines = () =>
    description.evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight));
  expect(await lines()).toBe(2);
  expect(await hidden()).toBeGreaterThan(0);

  await page.getByLabel("Family", { exact: true }).focus();
  await expect.poll(hidden).toBe(0);
  expect(await lines()).toBeGreaterThan(2);

  await page.getByLabel("Image", { exact: true }).focus();
  await expect.poll(lines).toBe(2);
});

test("a deployment's checks are a region of their own, and one check that could not run is one check", async ({
  page,
}) => {
  await page.goto("/pools/demo-ecs");
  const name = "option-a-ec2-launch-type";
  const article = page.getByRole("article", { name: `Deployment ${name}` });
  await article.getByText("Edit job variables").click();
  const checks = article.getByRole("region", { name: `Checks of ${name}` });
  await expect(checks.getByText(/^No problems found/)).toHaveText(
    "No problems found (1 check could not run, see below).",
  );
  await expect(checks.locator("summary")).toHaveText("1 check could not run");
});

test("a variable edited as keys and values is a group named by its label", async ({ page }) => {
  const pool = await createPool("groups", await defaultEcsTemplate());
  await page.goto(`/pools/${pool}`);
  // each "Add entry" (and each row's inputs) says which variable it edits, as a screen reader
  // moving by Tab hears the group's name on entering it
  for (const name of ["Environment Variables", "Labels", "Cloudwatch Logs Options"]) {
    await expect(
      page.getByRole("group", { name, exact: true }).getByRole("button", { name: "Add entry" }),
    ).toBeVisible();
  }
  const env = page.getByRole("group", { name: "Environment Variables", exact: true });
  await env.getByRole("button", { name: "Add entry" }).click();
  await env.getByRole("textbox", { name: "Key 1", exact: true }).fill("LOG_LEVEL");
  await env.getByRole("textbox", { name: "Value of LOG_LEVEL" }).fill("DEBUG");
  await expect(env.getByRole("button", { name: "Remove LOG_LEVEL" })).toBeVisible();
  const doc = JSON.parse((await draftText(page, pool)) ?? "{}") as Template;
  expect(doc.variables.properties.env!.default).toEqual({ LOG_LEVEL: "DEBUG" });
});

test("an unknown pool is a 404 with a way out", async ({ page }) => {
  const res = await page.goto("/pools/e2e-editor-does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("No such work pool")).toBeVisible();
  await expect(
    page.getByText("Prefect has no work pool named e2e-editor-does-not-exist."),
  ).toBeVisible();
});

test("the RunTask preview follows a deployment's job_variables", async ({ page }, info) => {
  // the seeded hybrid pool and its deployments; read only
  await page.goto("/pools/demo-ecs");
  await page.getByRole("tab", { name: "RunTask preview" }).click();
  const preview = page.getByRole("region", { name: "RunTask preview" });
  await preview
    .getByLabel("Values from")
    .selectOption({ label: "Deployment option-a-ec2-launch-type" });
  await expect(preview.getByTestId("effective-launch-type")).toHaveText("EC2");
  const request = preview.getByLabel("RunTask request");
  await expect(request).toContainText('"launchType": "EC2"');
  await expect(request).toContainText('"cluster": "demo-cluster"');
  await preview
    .getByLabel("Values from")
    .selectOption({ label: "Deployment option-b-capacity-providers" });
  await expect(request).toContainText('"capacityProvider": "general-asg"');
  await waitForMonaco(page);
  await shot(page, info, "runtask-preview-deployment");
});
