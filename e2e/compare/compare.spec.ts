import { readFile } from "node:fs/promises";
import { expect, test } from "@/testing/e2e/test";
import { convertTemplate } from "@/lib/template/editing/convert-pool-kind";
import type { JsonObject } from "@/lib/template/types";
import { prefectRequest } from "@/testing/e2e/prefect-rest";
import { storageStatePath } from "@/testing/e2e/test-auth";
import { shot } from "@/testing/e2e/shot";

/**
 * /compare on the seeded stack (self-hosted Prefect 3.9.1, ECS emulator): default templates and
 * the self-hosted notice, both modes' checks for demo-ecs on demo-cluster, and creating the
 * equivalent push pool, read back through Prefect's REST API.
 */
const PREFIX = "e2e-compare-";
const BLOCK_NAME = "e2e-compare-credentials";
const LAUNCH_RULE = "ecs/launch-type-and-capacity-provider-strategy";

async function cleanUp() {
  const res = await prefectRequest("POST", "/work_pools/filter", { limit: 200 });
  const pools = (await res.json()) as { name: string }[];
  for (const p of pools.filter((p) => p.name.startsWith(PREFIX)))
    await prefectRequest("DELETE", `/work_pools/${encodeURIComponent(p.name)}`);
}

async function readPool(name: string): Promise<{ type: string; base_job_template: JsonObject }> {
  const res = await prefectRequest("GET", `/work_pools/${encodeURIComponent(name)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { type: string; base_job_template: JsonObject };
}

/** An AWS Credentials block in the real server (Prefect refuses a pool naming a missing block). */
async function credentialsBlock(): Promise<string> {
  const existing = await prefectRequest(
    "GET",
    `/block_types/slug/aws-credentials/block_documents/name/${BLOCK_NAME}`,
  );
  if (existing.ok) return ((await existing.json()) as { id: string }).id;
  const type = (await (
    await prefectRequest("GET", "/block_types/slug/aws-credentials")
  ).json()) as {
    id: string;
  };
  const schemas = (await (
    await prefectRequest("POST", "/block_schemas/filter", {
      block_schemas: { block_type_id: { any_: [type.id] } },
    })
  ).json()) as { id: string }[];
  const res = await prefectRequest("POST", "/block_documents/", {
    name: BLOCK_NAME,
    block_type_id: type.id,
    block_schema_id: schemas[0]?.id,
    data: { region_name: "us-east-1" },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let BLOCK = "";
test.beforeAll(async () => {
  await cleanUp();
  BLOCK = await credentialsBlock();
});
test.afterAll(async () => {
  await cleanUp();
  await prefectRequest("DELETE", `/block_documents/${BLOCK}`);
});

test("both default templates, the derivation and the self-hosted notice", async ({
  page,
}, info) => {
  await page.goto("/compare");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Push pool vs hybrid worker");
  await expect(page.getByRole("link", { name: "Compare" })).toHaveAttribute("aria-current", "page");
  await expect(
    page.getByText("Self-hosted Prefect server: push pools exist only on Prefect Cloud"),
  ).toBeVisible();
  const diff = page.getByRole("region", {
    name: "Default templates: ecs (left) and ecs:push (right)",
  });
  await expect(diff.getByText("ecs (hybrid worker): from Prefect")).toBeVisible();
  await expect(diff.getByText("ecs:push (push pool): derived by Pooldeck")).toBeVisible();
  // Monaco's diff marks the derived lines as inserted on the push side
  const modified = diff.locator(".editor.modified");
  await expect(modified.locator(".view-lines")).toContainText('"required": [');
  await expect(modified.locator(".line-insert").first()).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Derivation changes" }).getByRole("listitem"),
  ).toHaveText([
    /^Described aws_credentials as required \(\/variables\/properties\/aws_credentials\/description\)/,
    /^Added aws_credentials to variables.required \(\/variables\/required\)/,
  ]);
  const facts = page.getByRole("table", { name: "Push pool and hybrid worker compared" });
  await expect(facts.getByRole("row", { name: /Submission latency/ })).toContainText(
    "PREFECT_WORKER_QUERY_SECONDS (default 10 s)",
  );
  // the seeded runs' emulator tasks carry no timestamps: the measured row says so (the figures'
  // arithmetic is unit-tested on AWS's DescribeTasks shapes in lib/runs/latency.test.ts)
  await expect(facts.getByRole("row", { name: /Measured start latency/ })).toContainText(
    /No measured start yet: none of the last \d+ runs of [^.]+ has ECS task timestamps\./,
  );
  await expect(facts.getByRole("link", { name: "Prefect issue #13030" })).toHaveAttribute(
    "href",
    "https://github.com/PrefectHQ/prefect/issues/13030",
  );
  await expect(page.getByRole("button", { name: "Copy Worker start commands" })).toBeVisible();
  await expect(page.getByLabel("Worker start commands", { exact: true })).toHaveText(
    "pip install prefect-aws\nprefect worker start --pool <pool-name> --type ecs",
  );
  await shot(page, info, "compare-top");
});

test("demo-ecs on demo-cluster: hybrid warns where push fails", async ({ page }, info) => {
  await page.goto("/compare");
  await page.getByLabel("Pool", { exact: true }).selectOption("demo-ecs");
  await expect(page).toHaveURL(/\?pool=demo-ecs$/);
  await page.getByLabel("Cluster", { exact: true }).selectOption("demo-cluster");
  await expect(page).toHaveURL(/\?pool=demo-ecs&cluster=demo-cluster$/);
  const table = page.getByRole("table", { name: "Checks of demo-ecs in both modes" });
  await expect(table.getByRole("rowheader")).toHaveText([
    "Pool defaults only",
    "Deployment option-a-ec2-launch-type",
    "Deployment option-b-capacity-providers",
  ]);
  await page.getByLabel("Show checks and RunTask for").selectOption({
    label: "Deployment option-b-capacity-providers",
  });
  const hybrid = page.getByRole("region", { name: "Hybrid worker (ecs) mode" });
  const push = page.getByRole("region", { name: "Push pool (ecs:push) mode" });
  const hybridLaunch = hybrid.locator(`li[data-rule="${LAUNCH_RULE}"]`);
  await expect(hybridLaunch).toHaveCount(1);
  await expect(hybridLaunch).toHaveAttribute("data-severity", "warning");
  await expect(hybridLaunch).toContainText(
    'launchType "EC2" and a capacity provider strategy are both set. ECS rejects RunTask when both are present; the prefect-aws worker removes launchType because the strategy is set, so the run works, but launch_type still shapes the task definition the worker registers. With Auto Scaling group providers, remove launchType from task_run_request so the request reads as it runs.',
  );
  const pushLaunch = push.locator(`li[data-rule="${LAUNCH_RULE}"]`);
  await expect(pushLaunch).toHaveCount(2);
  await expect(pushLaunch.nth(0)).toHaveAttribute("data-severity", "error");
  await expect(pushLaunch.nth(0)).toContainText(
    'launchType "EC2" and a capacity provider strategy both reach RunTask, which ECS rejects (InvalidParameterException: specifying both a launchType and capacityProviderStrategy is not supported). Prefect\'s push runner sends the rendered request as is and does not drop launchType, so every run would fail. Remove launchType from task_run_request.',
  );
  await expect(pushLaunch.nth(1)).toHaveAttribute("data-severity", "warning");
  await expect(pushLaunch.nth(1)).toContainText("Prefect issue #13030");
  // the push pool would also lack credentials
  await expect(
    push.locator('li[data-rule="prefect/push-requires-aws-credentials"]'),
  ).toHaveAttribute("data-severity", "error");
  await expect(hybrid.locator('li[data-rule="prefect/push-requires-aws-credentials"]')).toHaveCount(
    0,
  );
  // RunTask: the worker drops launchType, the push runner sends it
  const hybridRequest = JSON.parse(
    (await hybrid.getByLabel("RunTask request").textContent()) ?? "{}",
  ) as JsonObject;
  const pushRequest = JSON.parse(
    (await push.getByLabel("RunTask request").textContent()) ?? "{}",
  ) as JsonObject;
  expect(Object.hasOwn(hybridRequest, "launchType")).toBe(false);
  expect(pushRequest.launchType).toBe("EC2");
  expect(hybridRequest.capacityProviderStrategy).toEqual([
    { capacityProvider: "general-asg", base: 1, weight: 1 },
  ]);
  await hybrid.scrollIntoViewIfNeeded();
  await shot(page, info, "compare-modes");
  // the choice survives a reload (it lives in the URL)
  await page.reload();
  await expect(page.getByLabel("Pool", { exact: true })).toHaveValue("demo-ecs");
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("demo-cluster");
});

test("demo-ecs-push: the conflict deployment's launchType is a warning in hybrid and an error in push", async ({
  page,
}) => {
  await page.goto("/compare?pool=demo-ecs-push&cluster=demo-cluster");
  const row = page
    .getByRole("table", { name: "Checks of demo-ecs-push in both modes" })
    .getByRole("row", { name: /conflict-launch-type-and-strategy/ });
  await expect(row.getByLabel("in hybrid mode")).toHaveText("1 error2 warnings");
  // push: a fresh worker per run without match_latest_revision_in_family registers every run
  await expect(row.getByLabel("in push mode")).toHaveText("2 errors2 warnings");
  await page.getByLabel("Show checks and RunTask for").selectOption({
    label: "Deployment conflict-launch-type-and-strategy",
  });
  const hybrid = page.getByRole("region", { name: "Hybrid worker (ecs) mode" });
  const push = page.getByRole("region", { name: "Push pool (ecs:push) mode" });
  const verdicts = (region: typeof hybrid) =>
    region
      .locator("li[data-severity]")
      .evaluateAll((items) =>
        items.map((li) => `${li.getAttribute("data-severity")} ${li.getAttribute("data-rule")}`),
      );
  // hybrid: the worker drops launchType (warning), but launch_type FARGATE shapes a Fargate task
  // definition for Auto Scaling capacity, whose public IP EC2 refuses
  await expect(hybrid.locator("li[data-severity]")).toHaveCount(3);
  await expect(push.locator("li[data-severity]")).toHaveCount(4);
  expect(await verdicts(hybrid)).toEqual([
    `warning ${LAUNCH_RULE}`,
    "warning ecs/strategy-with-fargate-task-definition",
    "error ecs/network-configuration",
  ]);
  expect(await verdicts(push)).toEqual([
    `error ${LAUNCH_RULE}`,
    `warning ${LAUNCH_RULE}`,
    "error prefect/push-requires-aws-credentials",
    "warning ecs/task-definition-churn",
  ]);
  await expect(hybrid.locator(`li[data-rule="${LAUNCH_RULE}"]`)).toHaveAttribute(
    "data-severity",
    "warning",
  );
  await expect(hybrid.locator(`li[data-rule="${LAUNCH_RULE}"]`)).toContainText(
    'launchType "FARGATE" and a capacity provider strategy are both set. ECS rejects RunTask when both are present; the prefect-aws worker removes launchType because the strategy is set, so the run works, but launch_type still shapes the task definition the worker registers. With Auto Scaling group providers, remove launchType from task_run_request (or set launch_type to EC2) so the task definition is not Fargate-shaped.',
  );
  await expect(push.locator(`li[data-rule="${LAUNCH_RULE}"][data-severity="error"]`)).toContainText(
    'launchType "FARGATE" and a capacity provider strategy both reach RunTask, which ECS rejects (InvalidParameterException: specifying both a launchType and capacityProviderStrategy is not supported). Prefect\'s push runner sends the rendered request as is and does not drop launchType, so every run would fail. Remove launchType from task_run_request.',
  );
  // the other kind of a push pool is hybrid; Prefect's default template needs no change for it
  await expect(
    page.getByRole("heading", { name: "Create the equivalent hybrid pool" }),
  ).toBeVisible();
  await expect(page.getByText("Nothing: the template works as it is.")).toBeVisible();
  await expect(page.getByLabel("CLI: start its worker", { exact: true })).toHaveText(
    "pip install prefect-aws\nprefect worker start --pool demo-ecs-push-hybrid --type ecs",
  );
});

test.describe("equivalent pool", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("create the push equivalent of demo-ecs: Prefect stores exactly the converted template", async ({
    page,
  }, info) => {
    const name = `${PREFIX}push-${Date.now().toString(36)}`;
    const source = await readPool("demo-ecs");
    const expected = convertTemplate(source.base_job_template, "push", {
      credentialsBlockId: BLOCK,
    }).template;

    await page.goto("/compare?pool=demo-ecs&cluster=demo-cluster");
    await expect(
      page.getByRole("heading", { name: "Create the equivalent push pool" }),
    ).toBeVisible();
    // demo-ecs-push exists (seeded), so the suggestion moves on
    await expect(page.getByLabel("New pool name", { exact: true })).toHaveValue("demo-ecs-push-2");
    await expect(
      page.getByText("This Prefect server will store the push pool but never run it"),
    ).toBeVisible();
    await page.getByLabel("New pool name", { exact: true }).fill(name);
    await page.getByLabel("AWS Credentials block").selectOption({ label: BLOCK_NAME });
    await expect(
      page.getByRole("list", { name: "Conversion changes" }).getByRole("listitem"),
    ).toHaveText([
      /^Described aws_credentials as required:/,
      /^Added aws_credentials to variables.required:/,
      new RegExp(`^Set aws_credentials to block document ${BLOCK}:`),
    ]);
    const file = `${name}-base-job-template.json`;
    await expect(page.getByLabel("CLI: create the pool", { exact: true })).toHaveText(
      `prefect work-pool create ${name} --type ecs:push --base-job-template ${file}`,
    );
    await expect(page.getByLabel("CLI: update an existing pool", { exact: true })).toHaveText(
      `prefect work-pool update ${name} --base-job-template ${file}`,
    );
    for (const label of [
      "Copy CLI: create the pool",
      "Copy CLI: update an existing pool",
      `Copy Template file ${file}`,
      "Copy IAM policy: hybrid worker task role",
      "Copy IAM policy: push pool AWS credentials",
      "Copy Worker start commands",
    ]) {
      await expect(page.getByRole("button", { name: label, exact: true })).toBeVisible();
    }
    await page.getByRole("button", { name: "Copy CLI: create the pool", exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`prefect work-pool create ${name} --type ecs:push --base-job-template ${file}`);
    // the downloaded template file is the converted template
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: `Download ${file}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(file);
    expect(JSON.parse(await readFile(await download.path(), "utf8"))).toEqual(expected);

    await shot(page, info, "compare-create-before", false);
    await page.getByRole("button", { name: `Create ecs:push pool ${name}` }).click();
    await expect(page.getByText(`Created ${name}`)).toBeVisible();
    await expect(page.getByText("Prefect stored exactly the converted template.")).toBeVisible();
    await shot(page, info, "compare-create-done");

    const stored = await readPool(name);
    expect(stored.type).toBe("ecs:push");
    expect(stored.base_job_template).toEqual(expected);
    // and what that means, spelled out
    const variables = stored.base_job_template.variables as {
      required: string[];
      properties: { aws_credentials: JsonObject };
    };
    expect(variables.required).toEqual(["aws_credentials"]);
    expect(variables.properties.aws_credentials.default).toEqual({
      $ref: { block_document_id: BLOCK },
    });
  });
});

test("a viewer sees the comparison, copies commands, and cannot create", async ({
  browser,
  baseURL,
}) => {
  const viewer = await browser.newContext({ storageState: storageStatePath(baseURL!, "viewer") });
  const page = await viewer.newPage();
  await page.goto("/compare?pool=demo-ecs&cluster=demo-cluster");
  await expect(page.getByRole("table", { name: "Checks of demo-ecs in both modes" })).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Create ecs:push pool demo-ecs-push-2" }),
  ).toBeDisabled();
  await expect(page.getByText("pushing needs the editor role")).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Copy CLI: create the pool", exact: true }),
  ).toBeEnabled();
  await viewer.close();
});

test("a pick after the URL changed another way builds on the URL shown, not on an earlier pick", async ({
  page,
}) => {
  await page.goto("/compare");
  await page.getByLabel("Pool", { exact: true }).selectOption("demo-ecs");
  await expect(page).toHaveURL(/\/compare\?pool=demo-ecs$/);
  // the header's link opens the page with no choice: the pool select is empty again
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Compare" })
    .click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(page.getByLabel("Pool", { exact: true })).toHaveValue("");
  await page.getByLabel("Cluster", { exact: true }).selectOption("demo-cluster");
  await expect(page).toHaveURL(/\/compare\?cluster=demo-cluster$/);
});
