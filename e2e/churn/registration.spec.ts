import { PREFECT_SEED } from "@/testing/seed/prefect";
import { expect, test } from "@/testing/e2e/test";

/**
 * The pool page predicts, per deployment, how often the real worker registers a task definition
 * (lib/template/registration.ts, proven against the worker in scripts/ground-truth/churn.ts).
 * Seeded: demo-ecs is a hybrid pool whose deployments use the generated per-deployment family and
 * leave match_latest_revision_in_family off; demo-ecs-push is a push pool.
 */
test("the pool page shows each seeded deployment's registration prediction", async ({ page }) => {
  await page.goto(`/pools/${PREFECT_SEED.hybridPool}`);
  const name = PREFECT_SEED.deployments.optionA;
  const hybrid = page
    .getByRole("article", { name: `Deployment ${name}` })
    .getByRole("group", { name: `Task definition registration of ${name}` });
  await expect(hybrid.getByRole("paragraph").nth(0)).toHaveText(
    "Task definition: registers a new revision on the first run after each worker start",
  );
  await expect(hybrid.getByRole("paragraph").nth(1)).toHaveText(
    "match_latest_revision_in_family is off: the worker's cache starts empty at each start.",
  );
  // the family is generated from the pool and the deployment id, and has no revision yet
  await expect(hybrid.getByRole("paragraph").nth(2)).toHaveText(
    /^Family prefect_demo-ecs_[0-9a-f-]{36}: 0 ACTIVE revisions\.$/,
  );

  await page.goto(`/pools/${PREFECT_SEED.pushPool}`);
  const conflict = PREFECT_SEED.deployments.conflict;
  const push = page
    .getByRole("article", { name: `Deployment ${conflict}` })
    .getByRole("group", { name: `Task definition registration of ${conflict}` });
  await expect(push.getByRole("paragraph").nth(0)).toHaveText(
    "Task definition: registers a new revision on every run",
  );
  await expect(push.getByRole("paragraph").nth(1)).toHaveText(
    "a push pool has no long-lived worker and match_latest_revision_in_family is off: every run is a first run.",
  );
});

test("the RunTask preview says how often the worker registers the task definition", async ({
  page,
}) => {
  await page.goto(`/pools/${PREFECT_SEED.pushPool}`);
  await page.getByRole("tab", { name: "RunTask preview" }).click();
  const preview = page.getByRole("region", { name: "RunTask preview" });
  await expect(preview.getByLabel("Task definition registration")).toHaveText(
    "Task definition: registers a new revision on every run — a push pool has no long-lived worker and match_latest_revision_in_family is off: every run is a first run.",
  );
});
