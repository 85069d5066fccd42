/**
 * Debian's Chromium as every browser run here launches it (Playwright cannot download browsers on
 * these machines): the end-to-end tests (playwright.config.ts) and the page benchmarks.
 * Without the background-networking flags Chromium keeps dialling Google's hosts, which this
 * closed network refuses. Without the WebUI omnibox features every new window (each browser context
 * of a test or a benchmark run) loads Chromium's own omnibox popups, chrome://omnibox-popup.top-chrome
 * and its AI-mode page, about 400 chrome://resources requests rendered by the same 2 cores while the
 * measured page loads.
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
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
];
