/** Collects Content-Security-Policy violations of a page: the DOM event and Chromium's console report. */
import type { Page } from "@playwright/test";

export interface CspWatch {
  /** violations seen so far: the event's directive and blocked URI, and console reports */
  violations(): Promise<string[]>;
}

/** Starts watching before the first navigation (an init script runs before any page script). */
export async function watchCsp(page: Page): Promise<CspWatch> {
  const console: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy|Refused to/i.test(m.text())) {
      console.push(`console: ${m.text()}`);
    }
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(
        `${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return {
    async violations() {
      const events = await page.evaluate(
        () => (window as unknown as { __csp?: string[] }).__csp ?? [],
      );
      return [...events, ...console];
    },
  };
}
