// Runs a driver module against the Orca-visible Chromium started by speak.sh.
//   node run-driver.mjs DRIVER.mjs
// DRIVER.mjs:  export default async function (page, sr) { ... }
// `page` is a Playwright Page connected over CDP (127.0.0.1:9333).
// By default page.keyboard.press/type/down/up are routed through the real X
// server (xdotool / XTEST), so Orca sees genuine key events (key echo, "typing
// caused this text change") exactly as for a human. SR_KEYBOARD=cdp keeps
// Playwright's CDP keyboard (Orca then hears no key echo and does not
// attribute text changes to typing).
// `sr` helpers: sr.mark(label), sr.key(xdotoolKeys), sr.type(text,{delay}),
//   sr.sleep(ms), sr.cdpKeyboard (Playwright's original keyboard methods).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { execFile } from "node:child_process";
import { appendFileSync } from "node:fs";
import { promisify } from "node:util";
import path from "node:path";

const execFileP = promisify(execFile);
// the repository's own Playwright (its node_modules, two folders up)
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const driverPath = path.resolve(process.argv[2]);
const cdp = process.env.SR_CDP || "http://127.0.0.1:9333";
const marks = process.env.SR_MARKS_LOG;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mark = (label, type = "mark") => {
  if (marks)
    appendFileSync(marks, JSON.stringify({ type, t: Date.now(), text: String(label) }) + "\n");
};

// ---- real X keyboard via xdotool -------------------------------------------
const KEYMAP = {
  Enter: "Return",
  Backspace: "BackSpace",
  Escape: "Escape",
  Tab: "Tab",
  Delete: "Delete",
  Insert: "Insert",
  Home: "Home",
  End: "End",
  PageUp: "Prior",
  PageDown: "Next",
  ArrowUp: "Up",
  ArrowDown: "Down",
  ArrowLeft: "Left",
  ArrowRight: "Right",
  Space: "space",
  " ": "space",
  Control: "ctrl",
  ControlOrMeta: "ctrl",
  Shift: "shift",
  Alt: "alt",
  Meta: "super",
  CapsLock: "Caps_Lock",
  ContextMenu: "Menu",
  "+": "plus",
  "-": "minus",
  ",": "comma",
  ".": "period",
  "/": "slash",
  ";": "semicolon",
  "'": "apostrophe",
  "[": "bracketleft",
  "]": "bracketright",
  "\\": "backslash",
  "=": "equal",
  "`": "grave",
};
const toKeysym = (k) =>
  KEYMAP[k] ||
  (/^Key([A-Z])$/.test(k) ? k.slice(3).toLowerCase() : /^Digit([0-9])$/.test(k) ? k.slice(5) : k);
// 'Shift+Tab' -> 'shift+Tab'; a lone '+' is a key, not a separator.
const chord = (key) =>
  (key === "+" ? ["+"] : key.split("+").map((p) => (p === "" ? "+" : p))).map(toKeysym).join("+");
const xdo = (...args) => execFileP("xdotool", args);

async function xPress(key, opts = {}) {
  if ([...key].length === 1 && key !== " ") return xType(key); // 'a', 'A', '!', 'é'
  if (opts.delay) {
    await xdo("keydown", chord(key));
    await sleep(opts.delay);
    await xdo("keyup", chord(key));
  } else {
    await xdo("key", "--clearmodifiers", chord(key));
  }
}
async function xType(text, opts = {}) {
  for (const ch of text) {
    if (ch === "\n") await xdo("key", "Return");
    else await xdo("type", "--", ch);
    if (opts.delay) await sleep(opts.delay);
  }
}

const browser = await chromium.connectOverCDP(cdp);
let code = 0;
try {
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  const kb = page.keyboard;
  const cdpKeyboard = {
    press: kb.press.bind(kb),
    type: kb.type.bind(kb),
    down: kb.down.bind(kb),
    up: kb.up.bind(kb),
    insertText: kb.insertText.bind(kb),
  };
  if ((process.env.SR_KEYBOARD || "x11") === "x11") {
    kb.press = xPress;
    kb.type = xType;
    kb.down = (key) => xdo("keydown", chord(key));
    kb.up = (key) => xdo("keyup", chord(key));
  }
  const sr = {
    mark: (label) => mark(label),
    key: (...keys) => xdo("key", "--clearmodifiers", ...keys),
    type: xType,
    sleep,
    cdpKeyboard,
  };
  const mod = await import(pathToFileURL(driverPath).href);
  if (typeof mod.default !== "function")
    throw new Error(`${driverPath}: no default export function`);
  mark("driver start", "start");
  await mod.default(page, sr);
  mark("driver end", "end");
} catch (e) {
  console.error((e && e.stack) || e);
  mark(`driver error: ${e && e.message}`, "error");
  code = 1;
} finally {
  await browser.close().catch(() => {}); // connectOverCDP: only disconnects
}
process.exit(code);
