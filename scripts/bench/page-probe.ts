/**
 * What runs inside the measured pages. Kept as JavaScript source strings, not functions: tsx
 * compiles with esbuild's keepNames, whose `__name(...)` wrappers do not exist in the page.
 *
 * The init script polls every 4 ms from the first script on and records, in `window.__bench.marks`
 * (milliseconds since navigation start, performance.now()):
 *   form — the template form's Cluster field can take input: in the DOM, laid out (non-zero box),
 *          not disabled or read-only, and the framework's input handler is attached to it
 *          (Pooldeck: React has hydrated it — `__reactProps$…` is on the node and the root's hydration
 *          is committed, `isDehydrated` false on Next's root over `document`; Prefect's UI: Vue has
 *          bound its listeners, its `_vei`/`_assign` symbol is on the node). The field shows the pool's
 *          `cluster` default in both apps (Pooldeck: a select; Prefect: "Cluster (Optional)").
 *   json — the JSON editor of the whole template can take input. Pooldeck: the pane's plain-text
 *          stage (a textarea holding the template, hydrated: React's props on it) or Monaco,
 *          whichever is first; Prefect's UI: its "Advanced" tab (clicked by this script as soon as
 *          it is bound, after `form`) shows its code textarea holding the template, bound by Vue.
 *   monaco — Pooldeck only: Monaco has its input element (an EditContext textbox) and has rendered
 *          the document's lines (highlighting, markers, completion from here on).
 */

export type BenchApp = "pooldeck" | "prefect";

/**
 * What the init script logs (console.debug) once both marks are in. The bench waits for this
 * message instead of polling the page: Playwright's waitForFunction injects its own script (a
 * ~90 ms compile on this machine) and evaluates in the page every poll, on the main thread being
 * measured — it added ~300 ms to both apps' cold loads.
 */
export const READY_MESSAGE = "__bench:ready";

/** The init script for one app (see the module comment for the marks). */
export function initScript(app: BenchApp): string {
  return `(() => {
  const app = ${JSON.stringify(app)};
  if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(5000);
  const marks = {};
  window.__bench = { marks, app };
  const mark = (k) => { if (!(k in marks)) marks[k] = performance.now(); };
  const usable = (el) => {
    if (!el || el.disabled || el.readOnly) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // hydrated: the node carries React's props, and the root's hydration is committed (React marks the
  // node during its render phase; its handlers are live once the root is no longer dehydrated)
  const reactRootCommitted = () => {
    const key = Object.keys(document).find((k) => k.startsWith("__reactContainer$"));
    const root = key && document[key] && document[key].stateNode;
    return Boolean(root && root.current && root.current.memoizedState && root.current.memoizedState.isDehydrated === false);
  };
  const reactBound = (el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")) && reactRootCommitted();
  // Vue keeps v-on listeners under the _vei symbol and v-model's under _assign
  const vueBound = (el) => Object.getOwnPropertySymbols(el).some((s) => s.description === "_vei" || s.description === "_assign");
  const prefectField = (label) => {
    for (const span of document.querySelectorAll(".p-label__label span")) {
      if (span.textContent.trim() !== label) continue;
      const el = span.closest(".p-label")?.querySelector("textarea, input, select");
      if (el) return el;
    }
    return null;
  };
  // Monaco 0.55 takes input through an EditContext element (older ones: textarea.inputarea)
  const monacoReady = () => {
    const ed = document.querySelector('[data-testid="json-pane"] .monaco-editor');
    const input = ed && ed.querySelector('.native-edit-context[role="textbox"], textarea.inputarea');
    const lines = ed && ed.querySelector(".view-lines");
    return Boolean(input && lines && lines.textContent.includes("job_configuration"));
  };
  let clickedAdvanced = false;
  const check = () => {
    if (!("form" in marks)) {
      const el = app === "pooldeck" ? document.getElementById("field-cluster") : prefectField("Cluster (Optional)");
      // the framework test first: usable() reads layout, and forcing a layout every 4 ms while the
      // page is still being built slowed both apps down (~100 ms of Pooldeck's load in a profile)
      if (el && (app === "pooldeck" ? reactBound(el) : vueBound(el)) && usable(el)) mark("form");
    }
    if ("form" in marks && !("json" in marks)) {
      if (app === "pooldeck") {
        // the plain-text stage (Monaco's own IME textarea is inside .monaco-editor)
        const ta = document.querySelector('[data-testid="json-pane"] textarea:not([inert]):not(.monaco-editor textarea)');
        if (ta && reactBound(ta) && ta.value.includes('"job_configuration"') && usable(ta)) mark("json");
      } else {
        const tab = document.querySelector("li.p-tab#advanced");
        if (!clickedAdvanced && tab && vueBound(tab)) { clickedAdvanced = true; marks.advancedClicked = performance.now(); tab.click(); }
        for (const ta of document.querySelectorAll(".p-code-input__textarea")) {
          if (vueBound(ta) && ta.value.includes('"job_configuration"') && usable(ta)) mark("json");
        }
      }
    }
    // Monaco, if it came before the plain text was seen, is the JSON editor's mark too
    if (app === "pooldeck" && "form" in marks && !("monaco" in marks) && monacoReady()) { mark("json"); mark("monaco"); }
    if ("form" in marks && "json" in marks && (app !== "pooldeck" || "monaco" in marks)) {
      clearInterval(timer);
      console.debug(${JSON.stringify(READY_MESSAGE)});
    }
  };
  const timer = setInterval(check, 4);
  setTimeout(() => clearInterval(timer), 120000);
})();`;
}

/**
 * Script bytes by resource timing: scripts (by URL, .js/.mjs) whose response ended before `until`.
 * `encoded` = compressed body bytes (what came over the wire, headers aside), `transferred` =
 * transferSize (0 when served from the browser cache), `decoded` = bytes after decompression.
 */
export const SCRIPT_BYTES = `(until) => {
  let encoded = 0, transferred = 0, decoded = 0, count = 0, cached = 0;
  for (const e of performance.getEntriesByType("resource")) {
    const path = new URL(e.name).pathname;
    if (!/\\.m?js$/.test(path) || e.responseEnd > until) continue;
    encoded += e.encodedBodySize; transferred += e.transferSize; decoded += e.decodedBodySize; count++;
    if (e.transferSize === 0) cached++;
  }
  return { encoded, transferred, decoded, count, cached };
}`;

/**
 * Arms the conflict timer: the keydown of `key` starts it (its event timestamp); it stops at the
 * first animation frame after `detect()` holds (the frame that paints the error). For Prefect's UI,
 * `detect` looks for any error-looking element outside the code editor instead.
 */
export function armConflictTimer(app: BenchApp, key: string): string {
  const detect =
    app === "pooldeck"
      ? // the template editor's own checks panel, next to the JSON pane (the deployments below have panels too)
        `() => { const col = document.querySelector('[data-testid="json-pane"]'); const el = col && col.parentElement.querySelector('[data-rule="ecs/launch-type-and-capacity-provider-strategy"]'); if (!el) return null; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? el.textContent.trim().slice(0, 160) : null; }`
      : // anything new that names the conflict or looks like an error, outside the code editor itself
        `() => {
          for (const el of document.querySelectorAll('[role="alert"], [aria-invalid="true"], .p-message, [class*="error"], [class*="invalid"], .p-toast')) {
            if (el.closest(".p-code-input") || window.__conflict.before.has(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.height > 0) return (el.textContent || el.className).trim().slice(0, 160);
          }
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const n = walker.currentNode;
            if (n.parentElement && n.parentElement.closest(".p-code-input, textarea")) continue;
            if (/launchType|capacityProvider|mutually exclusive/i.test(n.textContent)) return n.textContent.trim().slice(0, 160);
          }
          return null;
        }`;
  return `(() => {
  const detect = ${detect};
  const before = new Set(document.querySelectorAll('[role="alert"], [aria-invalid="true"], .p-message, [class*="error"], [class*="invalid"], .p-toast'));
  const state = { before, typed: null, seen: null, text: null, painted: null };
  window.__conflict = state;
  if (detect()) { state.text = "present before the keystroke"; return; }
  window.addEventListener("keydown", (e) => { if (e.key === ${JSON.stringify(key)} && state.typed === null) state.typed = e.timeStamp; }, { capture: true });
  const found = () => {
    if (state.seen !== null || state.typed === null) return;
    const text = detect();
    if (!text) return;
    state.seen = performance.now();
    state.text = text;
    requestAnimationFrame(() => { state.painted = performance.now(); });
    observer.disconnect();
  };
  const observer = new MutationObserver(found);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
}
