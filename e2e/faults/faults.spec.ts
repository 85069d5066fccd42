/**
 * The fault matrix on screen: Prefect hanging and Prefect down during a page load and during a
 * push, and the ECS emulator down during a page load, each with the words the user reads and the
 * state left behind (Prefect, the editor's draft, the audit history).
 *
 * The faults hit relays of this spec's own (testing/fault-proxy.ts), never the shared stack: an app
 * instance of its own reaches the stack's Prefect and ECS emulator through them. "Hanging" is a
 * relay that accepts requests and never answers, as a Prefect stopped with SIGSTOP does; "down"
 * cuts its connections and refuses new ones, as when the process died. Deadlines are short (3 s
 * Prefect, 2 s AWS; production's are in README "Deadlines") so a hang costs seconds.
 */
import { expect, test, type Page } from "@/testing/e2e/test";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { startFaultProxy, type FaultProxy } from "@/testing/fault-proxy";
import { freePort } from "@/testing/free-port";
import { shot } from "@/testing/e2e/shot";
import { draftText, waitForMonaco } from "@/e2e/editor/pools";
import {
  api,
  ec2Template,
  PREFECT_API,
  readPool,
  withFargatePreset,
  type Template,
} from "@/e2e/push/prefect-api";

const PREFIX = "pd-e2e-faults-";
const motoPort = process.env.POOLDECK_MOTO_PORT ?? "5000";

let prefect: FaultProxy;
let aws: FaultProxy;
let app: { url: string; stop: () => Promise<void> };
/** the Prefect URL the app instance knows, as its messages name it */
let prefectUrl = "";
let template: Template;

async function cleanUp() {
  const pools = await api<{ name: string }[]>("POST", "/work_pools/filter", { limit: 200 });
  for (const p of pools.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/work_pools/${encodeURIComponent(p.name)}`, undefined, 204);
  }
}

async function createPool(suffix: string): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  await api("POST", "/work_pools/", { name, type: "ecs", base_job_template: template }, 201);
  return name;
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await cleanUp();
  template = await ec2Template();
  prefect = await startFaultProxy(PREFECT_API.replace(/\/api$/, ""));
  aws = await startFaultProxy(`http://127.0.0.1:${motoPort}`);
  prefectUrl = `${prefect.origin}/api`;
  app = await startAppInstance(await freePort(), {
    PREFECT_API_URL: prefectUrl,
    AWS_ENDPOINT_URL: aws.origin,
    POOLDECK_PREFECT_TIMEOUT_MS: "3000",
    POOLDECK_AWS_TIMEOUT_MS: "2000",
  });
});

// a failed test never leaves a fault behind for the next one
test.afterEach(async () => {
  await prefect.restore();
  await aws.restore();
});

test.afterAll(async () => {
  await app?.stop();
  await prefect?.close();
  await aws?.close();
  await cleanUp();
});

const poolPath = (name: string) => `${app.url}/pools/${encodeURIComponent(name)}`;
const alert = (page: Page) => page.getByRole("main").getByRole("alert");

// first, before anything else has read ECS through this instance (its reads are cached for 15 s)
test("ECS emulator down: the cluster pages and the pool's cluster checks name ECS; the rest works", async ({
  page,
}, info) => {
  const name = await createPool("ecs-down");
  await aws.down();

  await page.goto(`${app.url}/clusters`);
  await expect(alert(page)).toHaveText(
    "Clusters: ECS endpoint unreachable" +
      "The ECS endpoint did not answer (ECONNREFUSED)." +
      "Failed call: ecs:ListClusters",
  );
  await shot(page, info, "faults-ecs-down-clusters");
  await page.goto(`${app.url}/clusters/demo-cluster?region=us-east-1`);
  await expect(alert(page)).toHaveText(
    "Cluster demo-cluster: ECS endpoint unreachable" +
      "The ECS endpoint did not answer (ECONNREFUSED)." +
      "Failed call: ecs:DescribeClusters",
  );
  await shot(page, info, "faults-ecs-down-cluster");

  // the pool page loads from Prefect as usual; only the cluster-aware checks are skipped
  await page.goto(poolPath(name));
  await waitForMonaco(page);
  await expect(page.getByRole("status").filter({ hasText: "No snapshot of cluster" })).toHaveText(
    "No snapshot of cluster demo-cluster in us-east-1: The ECS endpoint did not answer (ECONNREFUSED). The editor works without it; cluster-aware checks are skipped.",
  );
  await shot(page, info, "faults-ecs-down-pool");
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Push to Prefect" }).click();
  await expect(
    page.getByRole("dialog").getByRole("status").filter({ hasText: "Pushed." }),
  ).toHaveText(
    "Pushed. Prefect stored exactly this template." +
      "Cluster checks skipped: The ECS endpoint did not answer (ECONNREFUSED).",
  );
  expect((await readPool(name)).base_job_template).toEqual(withFargatePreset(template));
});

for (const fault of ["hanging", "down"] as const) {
  test(`Prefect ${fault} during a page load: the pools list, a pool and its runs name Prefect`, async ({
    page,
  }, info) => {
    const name = await createPool(`load-${fault}`);
    const said =
      fault === "hanging"
        ? `Prefect at ${prefectUrl} did not answer within 3 s`
        : `Prefect is not reachable at ${prefectUrl} (connection refused)`;
    if (fault === "hanging") prefect.hang();
    else await prefect.down();

    await page.goto(`${app.url}/pools`);
    await expect(alert(page)).toHaveText(
      `Prefect could not be read${said}. Check the server on the status page and reload.`,
    );
    await page.goto(poolPath(name));
    await expect(alert(page)).toHaveText(
      `Prefect could not be read${said}. The editor needs the pool's template from Prefect; check the server on the status page and reload.`,
    );
    await shot(page, info, `faults-prefect-${fault}-pool`);
    await page.goto(`${poolPath(name)}/runs`);
    await expect(alert(page)).toHaveText(
      `Prefect could not be read${said}. Check the server on the status page and reload.`,
    );

    // Prefect back: the next load works again
    await prefect.restore();
    await page.goto(`${app.url}/pools`);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  });
}

test("Prefect slow to list a pool's deployments: the page paints its header and skeleton at once, then the editor", async ({
  page,
}, info) => {
  const name = await createPool("slow-deployments");
  // a first load: the instance has now seen the pool, so the next one streams its header and
  // skeleton before Prefect answers, and holds its first paint (≤ 500 ms) for the editor's markup
  await page.goto(poolPath(name));
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  // the editor's markup waits for the deployments (the RunTask preview's), here held by Prefect
  prefect.hang((req) => req.method === "POST" && req.url === "/api/deployments/filter");
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === "first-contentful-paint")) return;
      const skeleton = [...document.querySelectorAll("p")].some(
        (el) => el.textContent === "Loading the template editor…" && !el.closest("[hidden]"),
      );
      (window as unknown as { firstPaint: unknown }).firstPaint = {
        heading: document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim() ?? null,
        skeleton,
        editorParsed: document.getElementById("pool-editor-parsed") !== null,
      };
    }).observe({ type: "paint", buffered: true });
  });
  await page.goto(poolPath(name), { waitUntil: "commit" });
  // painted once the hold was released, while Prefect still held the deployments
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { firstPaint?: unknown }).firstPaint))
    .toEqual({
      heading: `${name} ecs`,
      skeleton: true,
      editorParsed: false,
    });
  expect(prefect.held).toContain("POST /api/deployments/filter");
  await shot(page, info, "faults-prefect-slow-deployments-skeleton");

  // Prefect answers again: the editor arrives
  await prefect.restore();
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  await expect(page.getByText("Loading the template editor…")).toHaveCount(0);
});

test("Prefect hanging on a pool's runs: the editor and the deployments work, the runs line says why and reads again on request", async ({
  page,
}, info) => {
  const name = await createPool("slow-runs");
  // the runs line is asked for once the page is idle; its flow runs read is held until the deadline
  prefect.hang((req) => req.method === "POST" && req.url === "/api/flow_runs/filter");
  await page.goto(poolPath(name));
  await expect(page.getByLabel("Cluster", { exact: true })).toBeEditable();
  await waitForMonaco(page);
  // the deployments are read beside the held runs read, not queued behind it (as a page's server
  // actions are: one at a time)
  await expect(page.getByRole("region", { name: "Deployments" })).toBeVisible();
  await expect(page.getByText("Reading the pool's recent runs…")).toBeVisible();
  const line = page.getByRole("status").filter({ hasText: "The pool's runs could not be read" });
  await expect(line).toHaveText(
    `The pool's runs could not be read: Prefect at ${prefectUrl} did not answer within 3 s.Try again`,
    { timeout: 15_000 },
  );
  expect(prefect.held).toContain("POST /api/flow_runs/filter");
  await shot(page, info, "faults-prefect-slow-runs");

  // Prefect answers again: Try again brings the line, and the editor kept what it showed
  await prefect.restore();
  await line.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("region", { name: "Recent runs" })).toHaveText(
    "No runs yetWorkers: none has polled this pool; its runs stay Late until one does.",
  );
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("demo-cluster");
});

test("Prefect down, then hanging on the write, during a push: each named, never recorded as stored, the edit kept", async ({
  page,
}, info) => {
  const name = await createPool("push");
  const edited = withFargatePreset(template);
  await page.goto(poolPath(name));
  await waitForMonaco(page);
  await page.getByRole("button", { name: "Fargate", exact: true }).click();
  await page.getByRole("button", { name: "Update pool" }).click();
  const dialog = page.getByRole("dialog");
  const pushButton = dialog.getByRole("button", { name: "Push to Prefect" });
  await expect(pushButton).toBeEnabled();

  // down: the push's first read is refused, nothing is sent
  await prefect.down();
  await pushButton.click();
  await expect(dialog.getByRole("alert")).toHaveText(
    `Not pushed` +
      `Prefect is not reachable at ${prefectUrl} (connection refused)` +
      "Your edit is unchanged in the editor.",
  );
  await shot(page, info, "faults-prefect-down-push");
  await prefect.restore();
  expect((await readPool(name)).base_job_template).toEqual(template);

  // pushed again, Prefect stops answering once the write arrives (the write never reaches it)
  prefect.hang((req) => req.method === "PATCH");
  await pushButton.click();
  await expect(dialog.getByRole("alert")).toHaveText(
    `Outcome unknown` +
      `Prefect at ${prefectUrl} did not answer within 3 s. Whether Prefect stored this change is unknown (the audit history records it as unknown): reload to see what Prefect holds before pushing again. Your edit is kept.` +
      "Your edit is unchanged in the editor.",
  );
  await shot(page, info, "faults-prefect-hang-push");
  expect(prefect.held).toEqual([`PATCH /api/work_pools/${encodeURIComponent(name)}`]);
  await prefect.restore();

  // the state after: Prefect holds what it held; the edit is the editor's draft
  expect((await readPool(name)).base_job_template).toEqual(template);
  expect(JSON.parse((await draftText(page, name)) ?? "null")).toEqual(edited);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toHaveText(
    "Unsaved changes — kept as a draft in this browser" +
      "Drafts survive reloads and crashes until you push or discard them.Discard draft",
  );

  // the history holds the write as unknown, never succeeded; the refused read sent nothing to record
  await page.getByRole("link", { name: "History" }).click();
  const entries = page.getByRole("list", { name: "Changes, newest first" }).locator(":scope > li");
  await expect(entries).toHaveCount(1);
  await expect(entries.first().getByTestId("history-kind")).toHaveText("Template updated");
  await expect(entries.first().getByText("Outcome unknown", { exact: true })).toBeVisible();
  await expect(entries.first().getByText(/^The request broke off/)).toHaveText(
    `The request broke off without Prefect's answer; the change may or may not have landed. Prefect at ${prefectUrl} did not answer within 3 s`,
  );
  await shot(page, info, "faults-prefect-hang-push-history");

  // back on the pool, the edit comes back from the draft
  await page.goto(poolPath(name));
  await waitForMonaco(page);
  await expect(
    page.getByRole("status").filter({ hasText: "Restored your unsaved draft" }),
  ).toBeVisible();
  expect(JSON.parse((await draftText(page, name)) ?? "null")).toEqual(edited);
});
