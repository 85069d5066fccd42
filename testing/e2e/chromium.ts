/**
 * Debian's Chromium as every browser run here launches it (Playwright cannot download browsers on
 * these machines): the end-to-end tests (playwright.config.ts) and the page benchmarks.
 * Without the background-networking flags Chromium keeps dialling Google's hosts, which this
 * closed network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
