import { expect, test } from "@/testing/e2e/test";
import { waitForMonaco } from "@/e2e/editor/pools";
import { api, cleanUp, createPool, ec2Template } from "./prefect-api";
import { shot } from "@/testing/e2e/shot";

const SOURCE = "github.com/acme/pools/etl.pool.json";

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

test("a pool managed as code says so on the list, its page and in the Update pool dialog", async ({
  page,
}, info) => {
  const template = await ec2Template();
  const managed = await createPool("managed", template);
  // what `pooldeck apply` stores: the description `pooldeck export` wrote, marker line last
  await api(
    "PATCH",
    `/work_pools/${encodeURIComponent(managed)}`,
    {
      description: `Nightly ETL\n\nx-pooldeck-managed: ${SOURCE}`,
    },
    204,
  );
  const plain = await createPool("plain", template);

  await page.goto("/pools");
  const note = { name: `Managed as code: ${SOURCE}` };
  const managedRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: managed, exact: true }) });
  await expect(managedRow.getByRole("note", note)).toHaveText("managed as code");
  const plainRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: plain, exact: true }) });
  await expect(plainRow).toBeVisible();
  await expect(plainRow.getByRole("note")).toHaveCount(0);
  await shot(page, info, "managed-as-code-list");

  await page.goto(`/pools/${encodeURIComponent(managed)}`);
  await waitForMonaco(page);
  await expect(page.getByRole("note", note)).toBeVisible();
  await expect(page.getByText("Nightly ETL", { exact: true })).toBeVisible();
  await expect(page.getByText("x-pooldeck-managed")).toHaveCount(0);
  await page.getByRole("button", { name: "Update pool" }).click();
  const warning = page
    .getByRole("dialog")
    .getByRole("status")
    .filter({ hasText: "This pool is managed as code" });
  await expect(warning).toHaveText(
    `This pool is managed as codeThe repository is the source of truth: ${SOURCE}. Change the pool there; a push here makes the next pooldeck apply refuse until the files are exported again.`,
  );
  await shot(page, info, "managed-as-code-dialog");
  await page.keyboard.press("Escape");

  await page.goto(`/pools/${encodeURIComponent(plain)}`);
  await waitForMonaco(page);
  await page.getByRole("button", { name: "Update pool" }).click();
  await expect(page.getByRole("dialog").getByText("This pool is managed as code")).toHaveCount(0);
});
