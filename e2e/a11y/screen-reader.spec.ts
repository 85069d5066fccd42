/**
 * A real screen reader on the template editor: Orca (GNOME's screen reader) runs headless against
 * a Chromium of its own (testing/screen-reader/speak.sh), keys reach the page through the X
 * server as a person's would, and the spec reads what Orca spoke between the driver's marks
 * (testing/screen-reader/drivers/template-checks.mjs).
 *
 * Orca stops what it is saying at every key press and drops what it had queued, so a check
 * verdict said per keystroke would be cut off or lost. The editor's live region says the verdict
 * once the text has settled for a second; the spec hears it once after one key, not at all after
 * a burst of keys that ends where it began, and again when the key is taken back; besides the keys
 * and the verdicts it hears nothing while keys go to the JSON editor.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { expect, test } from "@/testing/e2e/test";
import { createPool, deleteTestPools, nearConflictTemplate } from "@/e2e/editor/pools";

test.afterAll(deleteTestPools);

/** speak.sh's output: what Orca said after each mark, by mark. */
function byMark(output: string): Map<string, string[]> {
  const said = new Map<string, string[]>();
  let current: string[] = [];
  said.set("", current);
  for (const line of output.split("\n")) {
    const m = /^\s*\d+ {2}(.*)$/.exec(line);
    if (!m) continue;
    const text = m[1] ?? "";
    if (text.startsWith("# ")) said.set(text.slice(2), (current = []));
    else current.push(text);
  }
  return said;
}

function speak(driver: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["testing/screen-reader/speak.sh", driver], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`speak.sh exited ${code}:\n${err}\n${out}`)),
    );
  });
}

test("Orca says the checks' verdict once the typing settles, never per key", async ({
  context,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  const template = await nearConflictTemplate();
  const pool = await createPool("orca", template);
  // right after "launchTyp (six spaces of indent, then ten characters): "e" makes the conflict
  const line =
    JSON.stringify(template, null, 2)
      .split("\n")
      .findIndex((l) => l.includes('"launchTyp":')) + 1;
  const config = info.outputPath("driver-config.json");
  await writeFile(
    config,
    JSON.stringify({ baseURL, pool, line, column: 17, cookies: await context.cookies() }),
  );
  const output = await speak("testing/screen-reader/drivers/template-checks.mjs", {
    SR_DRIVER_CONFIG: config,
    // speak.sh stops the driver (and everything it started) well within the test's own timeout
    SR_TIMEOUT: "80",
    // Orca would otherwise read the whole page aloud after it loads
    SR_ORCA_SETTINGS: JSON.stringify({ sayAllOnLoad: false, pageSummaryOnLoad: false }),
  });
  await info.attach("what Orca said", { body: output, contentType: "text/plain" });
  const said = byMark(output);
  // the live region's words ("Checks: …"); Orca also reads the Checks tab ("Checks 0 errors, …
  // page tab") when Chromium moves its point of regard during the page's load
  const verdicts = (mark: string) => (said.get(mark) ?? []).filter((t) => t.startsWith("Checks: "));

  // the editor said nothing on load
  expect(verdicts("")).toEqual([]);
  expect(verdicts("loaded")).toEqual([]);
  // nor did the page's notes of what it is still reading (Orca says the page is loading itself,
  // "Loading. Please wait." and "Finished loading …"); they were live regions, and Orca read four
  const notes = /^(Reading the|Loading the|Plain text until)/;
  expect(said.get("")?.filter((t) => notes.test(t))).toEqual([]);
  // While keys go to the JSON editor Orca says the keys and the verdicts, and nothing else (the
  // draft notice aside, on the first edit). The form's selects follow the edit ("Launch type"
  // turns FARGATE, then back), and Orca read each of them aloud until the form and the JSON pane
  // shared a section (docs/design.md, "The form's selects during a JSON edit").
  const besides = (mark: string) =>
    (said.get(mark) ?? []).filter((t) => !t.startsWith("Unsaved changes — kept as a draft"));
  expect(besides("one key")).toEqual(["e", "Checks: 1 error, 2 warnings"]);
  expect(besides("burst")).toEqual(["x", "y", "z", "backspace", "backspace", "backspace"]);
  expect(besides("undo the key")).toEqual(["backspace", "Checks: 0 errors, 0 warnings"]);
});
