/**
 * What a user types into server-rendered forms before the page's scripts have run: the HTML
 * takes the input, and once React has hydrated the form its state has it too (the template's JSON,
 * the checks, a push; the pools list's Set limit), not only the field on screen.
 */
import { holdRequests, isAppScript } from "@/testing/e2e/hold-requests";
import { monacoChunkPaths } from "@/testing/e2e/monaco-chunks";
import { expect, test, type Page } from "@/testing/e2e/test";
import { SEED as ECS_SEED } from "@/testing/seed/ecs";
import { PREFECT_SEED } from "@/testing/seed/prefect";

const POOL = PREFECT_SEED.hybridPool;

/** Opens `path` with the app's scripts held, lets `act` use the server's HTML, then lets them load. */
async function beforeHydration(page: Page, path: string, act: () => Promise<void>): Promise<void> {
  const release = await holdRequests(page, isAppScript);
  await page.goto(path, { waitUntil: "commit" });
  await act();
  release();
}

test("edits made in the form before hydration reach the template once React takes over", async ({
  page,
}) => {
  // the app's scripts wait until released; Monaco's stay held, so the pane keeps its plain text
  const monaco = monacoChunkPaths();
  const release = await holdRequests(
    page,
    (url) => isAppScript(url) && !monaco.includes(url.pathname),
  );
  await holdRequests(page, (url) => monaco.includes(url.pathname));
  await page.goto(`/pools/${POOL}`, { waitUntil: "commit" });

  const image = page.getByLabel("Image");
  await image.fill("example.com/early:1");
  await page.getByLabel("Launch type").selectOption("EC2");
  release();

  const text = page
    .getByTestId("json-pane")
    .getByRole("textbox", { name: "Base job template JSON" });
  await expect(text).toBeEditable();
  await expect(text).toHaveValue(/"image": \{[^}]*"default": "example\.com\/early:1"/);
  await expect(text).toHaveValue(/"launch_type": \{[^}]*"default": "EC2"/);
  await expect(image).toHaveValue("example.com/early:1");
  await expect(page.getByLabel("Launch type")).toHaveValue("EC2");
});

test("a concurrency limit typed before the pools list hydrated can be set", async ({ page }) => {
  const row = page.locator(`tr[data-pool="${POOL}"]`);
  await beforeHydration(page, "/pools", () =>
    row.getByLabel(`Concurrency limit of ${POOL}`).fill("7"),
  );
  // enabled only once React has the typed limit as the form's value (it differs from Prefect's)
  await expect(row.getByRole("button", { name: "Set limit" })).toBeEnabled();
  await expect(row.getByLabel(`Concurrency limit of ${POOL}`)).toHaveValue("7");
});

test("a pool name typed before the new-pool page hydrated is the name Create pool sends", async ({
  page,
}) => {
  await beforeHydration(page, "/pools/new", () => page.getByLabel("Pool name").fill("early-pool"));
  // enabled only once the editor's state has a valid name
  await expect(page.getByRole("button", { name: "Create pool" })).toBeEnabled();
  await expect(page.getByLabel("Pool name")).toHaveValue("early-pool");
});

test("a pool opened by a link within the app (rendered in the browser) reports no change the user did not make", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const replayed: string[] = [];
    (window as unknown as { replayed: string[] }).replayed = replayed;
    document.addEventListener(
      "change",
      (e) => {
        if (!e.isTrusted) replayed.push((e.target as HTMLElement).id);
      },
      true,
    );
  });
  await page.goto("/pools");
  await page.getByRole("link", { name: POOL, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/pools/${POOL}$`));
  await expect(page.getByLabel("Launch type")).toHaveValue("FARGATE");
  // every section of the form is mounted (the last one holds the generic variables)
  await expect(page.getByRole("region", { name: "Other variables" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { replayed: string[] }).replayed)).toEqual(
    [],
  );
});

test("a region picked before the clusters page hydrated is followed once it has", async ({
  page,
}) => {
  await beforeHydration(page, "/clusters?region=us-east-1", async () => {
    await page.getByLabel("Region").selectOption("us-west-2");
  });
  await expect(page).toHaveURL(/\/clusters\?region=us-west-2$/);
  await expect(page.getByRole("heading", { name: "Clusters in us-west-2" })).toBeVisible();
});

test("a pool and a cluster both picked before the compare page hydrated are both followed", async ({
  page,
}) => {
  await beforeHydration(page, "/compare", async () => {
    await page.getByLabel("Pool", { exact: true }).selectOption(POOL);
    await page.getByLabel("Cluster", { exact: true }).selectOption(ECS_SEED.cluster);
  });
  await expect(page).toHaveURL(new RegExp(`/compare\\?pool=${POOL}&cluster=${ECS_SEED.cluster}$`));
  await expect(page.getByRole("table", { name: `Checks of ${POOL} in both modes` })).toBeVisible();
  await expect(page.getByLabel("Pool", { exact: true })).toHaveValue(POOL);
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue(ECS_SEED.cluster);
});

test("a task-definition filter typed and picked before the cluster page hydrated is applied", async ({
  page,
}) => {
  await beforeHydration(page, `/clusters/${ECS_SEED.cluster}?region=us-east-1`, async () => {
    await page.getByLabel("Family contains").fill("pooldeck-");
    await page.getByLabel("Compatibility").selectOption("FARGATE");
  });
  await expect(page).toHaveURL(/\?region=us-east-1&family=pooldeck-&compat=FARGATE$/);
  const tds = page.getByRole("table", { name: "Task definitions" });
  const row = (family: string) =>
    tds.getByRole("row").filter({ has: page.getByRole("cell", { name: family, exact: true }) });
  await expect(row(ECS_SEED.taskDefinitions.fargate)).toHaveCount(1);
  await expect(row(ECS_SEED.taskDefinitions.both)).toHaveCount(1);
  await expect(row(ECS_SEED.taskDefinitions.ec2)).toHaveCount(0);
  await expect(page.getByLabel("Family contains")).toHaveValue("pooldeck-");
  await expect(page.getByLabel("Compatibility")).toHaveValue("FARGATE");
});
