// Browser tests of the built demo site (build it first: `cargo run -- build`).
//
// Every page kind at 320, 375 and 1280 px, in normal and in large text, in Chromium: no console
// errors, no failed requests, no horizontal overflow, no serious or critical axe-core violation,
// and the layout assertions of layout.mjs (text boxes, column widths, table first columns,
// overlaps, whole names, navigation lines, header height, layout shift); a full-page screenshot of
// each goes to tests/browser/screenshots/ (kept by CI as an artefact: look at them). The Nu Html
// Checker validates every HTML file of the site.
// "Large text" is the largest text step (150 %). The pages load with a browser that can speak
// Chinese (speechSynthesis stubbed, its voices arriving late as in Chromium), so the 朗读 button
// shows, and must not move the page when it does.
// Also: the reading aids (text steps, high contrast with axe's AA and AAA contrast rules, 朗读),
// full keyboard use without pop-ups, reading without JavaScript, photos, page weight, sharing metadata.
//
// Environment: SITE_DIR (default public), CHROMIUM (default /usr/bin/chromium), JAVA (default java).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { layoutProblems, layoutShift, describe } from "./layout.mjs";

const require = createRequire(import.meta.url);
const SITE = path.resolve(process.env.SITE_DIR || "public");
const SHOTS = path.resolve("tests/browser/screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

/** One page of each kind in the demo site; `ready` waits for what scripts add. */
const PAGES = [
  ["home", "/"],
  ["craftsmen", "/craftsmen/"],
  ["profile", "/craftsmen/ou-zhijian/"],
  ["profile-no-photo", "/craftsmen/zhang-weimin/"],
  ["cohorts", "/cohorts/"],
  ["cohort", "/cohorts/2018/"],
  ["unions", "/unions/"],
  ["union", "/unions/xuhui/"],
  ["union-no-selection", "/unions/jidian/"],
  ["union-cohort", "/unions/xuhui/cohorts/2018/"],
  ["level", "/levels/district/"],
  ["profile-timeline", "/craftsmen/he-jianjun/"],
  ["industries", "/industries/"],
  ["industry", "/industries/C/"],
  ["stories", "/stories/"],
  ["story", "/stories/mould-and-robot/"],
  ["brands", "/brands/"],
  ["brand", "/brands/service-team/"],
  ["stats", "/stats/"],
  ["page", "/about/"],
  ["search", "/search/"],
  ["search-results", "/search/?q=" + encodeURIComponent("焊接"), { ready: ".search-hit" }],
  ["404", "/no-such-page/"],
];
const WIDTHS = [320, 375, 1280];
/** Viewport heights: a small phone, a common phone, a laptop. */
const HEIGHT = { 320: 568, 375: 740, 1280: 900 };
/** A phone network: scripts arrive after the first paint, as readers meet them. */
const SCRIPT_DELAY_MS = 300;
/** Names of the demo craftsmen and the site title, which must never break across lines. */
let WORDS = [];

let server, browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, "index.html")), `no built site in ${SITE}: run \`cargo run -- build\` first`);
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve(SITE);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  await page.goto(server.url + "/craftsmen/");
  WORDS = await page.evaluate(() => [document.querySelector(".site-header .brand").textContent.trim(),
    ...[...document.querySelectorAll(".card-name")].map((a) => a.textContent.trim())]);
  await page.close();
  assert.ok(WORDS.length > 10, `names of the demo craftsmen: ${WORDS}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  writeShotsIndex();
});

/** tests/browser/screenshots/index.html: this run's screenshots side by side, one row per page kind. */
function writeShotsIndex() {
  const sizes = WIDTHS.flatMap((w) => [`${w}`, `${w}-large`]);
  const rows = PAGES.map(([kind]) => `<tr><th>${kind}</th>${sizes.map((s) => {
    const file = `${kind}-${s}.png`;
    return fs.existsSync(path.join(SHOTS, file)) ? `<td><a href="${file}"><img src="${file}" alt="${kind} ${s}" loading="lazy"></a></td>` : "<td>—</td>";
  }).join("")}</tr>`);
  const html = `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>gongjiang screenshots</title>
<style>body{font:14px sans-serif}td,th{vertical-align:top;padding:4px}img{width:160px;border:1px solid #ccc}</style>
<table><tr><th></th>${sizes.map((s) => `<th>${s}</th>`).join("")}</tr>${rows.join("\n")}</table></html>\n`;
  fs.writeFileSync(path.join(SHOTS, "index.html"), html);
}

/**
 * A speechSynthesis stand-in with the given voice languages, arriving `lateMs` after the page
 * starts (Chromium reports its voices late too); what is spoken goes to window.__spoken.
 */
function speechStub(langs = ["zh-CN"], lateMs = 400) {
  return [({ langs, lateMs }) => {
    let voices = [];
    const listeners = [];
    const spoken = (window.__spoken = []);
    const synth = {
      getVoices: () => voices,
      speak: (u) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }),
      cancel: () => spoken.push("cancel"),
      addEventListener: (type, f) => type === "voiceschanged" && listeners.push(f),
      removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    setTimeout(() => {
      voices = langs.map((lang, i) => ({ lang, name: "voice " + i, default: i === 0, localService: true, voiceURI: "v" + i }));
      listeners.forEach((f) => f());
    }, lateMs);
  }, { langs, lateMs }];
}

/** Opens `url` at `width` and records what went wrong while loading. */
async function open(url, width, options = {}) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT[width] || (width < 600 ? 740 : 900) },
    deviceScaleFactor: options.dpr || 1,
    javaScriptEnabled: options.javaScript !== false,
    locale: "zh-CN",
  });
  if (options.large) await context.addInitScript(() => localStorage.setItem("gj-text", "2"));
  if (options.contrast) await context.addInitScript(() => localStorage.setItem("gj-contrast", "1"));
  if (options.voices) await context.addInitScript(...speechStub(options.voices));
  const page = await context.newPage();
  if (options.scriptDelay) {
    await page.route(/\.js(\?|$)/, async (r) => {
      await new Promise((ok) => setTimeout(ok, options.scriptDelay));
      await r.continue();
    });
  }
  const problems = [];
  const requests = [];
  page.on("console", (m) => {
    // The 404 page's own status is expected; Chromium logs it as a console error.
    if (options.expectStatus && m.location().url === server.url + url) return;
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    requests.push(r);
    const ok = r.status() < 400 || (options.expectStatus && r.url() === server.url + url);
    if (!ok) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(server.url + url, { waitUntil: "load" });
  if (options.ready) await page.waitForSelector(options.ready);
  return { context, page, problems, requests, response };
}

/** Scrolls through the page so that lazy images load too. */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

const axeSummary = [];

for (const [kind, url, { ready } = {}] of PAGES) {
  for (const width of WIDTHS) {
    for (const large of [false, true]) {
      const size = large ? "-large" : "";
      test(`${kind} at ${width}px${large ? " in large text" : ""}: loads cleanly, fits, passes axe, lays out right`, async () => {
        const { context, page, problems, response } = await open(url, width,
          { expectStatus: kind === "404", large, ready, scriptDelay: SCRIPT_DELAY_MS, voices: ["zh-CN"] });
        try {
          assert.equal(response.status(), kind === "404" ? 404 : 200);
          const shift = await layoutShift(page);
          const layout = await layoutProblems(page, { words: WORDS });
          layout.layoutShift = shift.total > 0.01 ? [`cumulative layout shift ${shift.total} > 0.01: ${JSON.stringify(shift.shifts)}`] : [];
          await scrollThrough(page);
          await page.screenshot({ path: path.join(SHOTS, `${kind}-${width}${size}.png`), fullPage: true });
          assert.equal(describe(layout), "", `layout of ${kind} at ${width}px${large ? " in large text" : ""}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
          const facts = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            h1: document.querySelectorAll("h1").length,
            fontSize: parseFloat(getComputedStyle(document.body).fontSize),
            lineHeight: parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize),
            headings: [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")].map((h) => +h.tagName[1]),
            noAlt: [...document.images].filter((i) => !i.getAttribute("alt")).map((i) => i.src),
            webFonts: [...document.fonts].length,
          }));
          assert.equal(facts.lang, "zh-CN");
          assert.equal(facts.h1, 1, "exactly one h1");
          assert.ok(facts.fontSize >= 16, `body text ${facts.fontSize}px`);
          assert.ok(facts.lineHeight >= 1.6, `line-height ${facts.lineHeight}`);
          assert.deepEqual(facts.noAlt, [], "every image has alt text");
          assert.equal(facts.webFonts, 0, "no web font");
          facts.headings.forEach((h, i) => {
            if (i > 0) assert.ok(h <= facts.headings[i - 1] + 1, `heading level jumps from h${facts.headings[i - 1]} to h${h}`);
          });
          const violations = await axe(page);
          axeSummary.push({ kind, width, large, violations: violations.map((v) => `${v.id}(${v.impact})`) });
          const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          assert.deepEqual(bad, [], `axe: ${JSON.stringify(bad, null, 1)}`);
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
    }
  }
}

test("no layout shift after load at any phone width from 320 to 480 px, in either text size", async () => {
  const found = [];
  for (const [kind, url, { ready } = {}] of PAGES) {
    for (const width of [360, 393, 412, 430, 450, 470]) {
      for (const large of [false, true]) {
        const { context, page } = await open(url, width, { expectStatus: kind === "404", large, ready, scriptDelay: SCRIPT_DELAY_MS, voices: ["zh-CN"] });
        try {
          const shift = await layoutShift(page);
          if (shift.total > 0.01) found.push(`${kind} at ${width}px${large ? " (large text)" : ""}: ${shift.total} ${JSON.stringify(shift.shifts)}`);
        } finally {
          await context.close();
        }
      }
    }
  }
  assert.deepEqual(found, []);
});

test("no horizontal scrolling at 320 px and 1440 px either, in large text too", async () => {
  for (const width of [320, 1440]) {
    for (const large of [false, true]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      if (large) await context.addInitScript(() => localStorage.setItem("gj-text", "2"));
      const page = await context.newPage();
      try {
        for (const [kind, url] of PAGES) {
          await page.goto(server.url + url, { waitUntil: "load" });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${kind} at ${width}px${large ? " (large text)" : ""}: overflow of ${overflow}px`);
        }
      } finally {
        await context.close();
      }
    }
  }
});

test("axe summary (moderate and minor findings are listed, not failed)", () => {
  const rest = axeSummary.filter((s) => s.violations.length);
  console.log(`axe: ${axeSummary.length} page loads checked; ${rest.length} with moderate/minor findings${rest.length ? ": " + JSON.stringify(rest) : ""}`);
});

test("every HTML file passes the Nu Html Checker with no errors", async () => {
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".html")) files.push(p);
  });
  walk(SITE);
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  const out = await new Promise((ok) => {
    execFile(process.env.JAVA || "java", ["-Xss4m", "-jar", jar, "--errors-only", "--format", "json", ...files],
      { maxBuffer: 64 << 20 }, (err, stdout, stderr) => ok({ err, stdout, stderr }));
  });
  const messages = JSON.parse(out.stderr || out.stdout || "{\"messages\":[]}").messages;
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
  console.log(`Nu Html Checker: ${files.length} files, ${errors.length} errors`);
  assert.deepEqual(errors.map((m) => `${path.relative(SITE, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine}: ${m.message}`), []);
});

test("text steps: 100, 125 and 150 %, remembered across pages, and working where storage is blocked", async () => {
  const { context, page, problems } = await open("/craftsmen/ou-zhijian/", 375);
  try {
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")).fontSize));
    const toggle = page.locator(".tool-size");
    const box = await toggle.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, "touch target at least 44 px");
    const base = await size();
    const seen = [];
    for (const label of ["大字", "特大字", "标准字"]) {
      assert.equal(await toggle.innerText(), label);
      seen.push(await size());
      await toggle.click();
    }
    assert.deepEqual(seen.map((x) => +(x / base).toFixed(2)), [1, 1.25, 1.5]);
    assert.equal(await size(), base, "the third press goes back to the standard size");
    await toggle.click();
    await toggle.click();
    assert.equal(await page.evaluate(() => localStorage.getItem("gj-text")), "2");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "技艺故事" }).click();
    await page.waitForURL("**/stories/");
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("text-2")), "still 150 % after navigating");
    assert.equal(await page.locator(".tool-size").innerText(), "标准字");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `150 % text overflows by ${overflow}px`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  // Storage blocked (a privacy setting): no error, the buttons still work for the page at hand.
  const blocked = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
  await blocked.addInitScript(() => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } }));
  const page2 = await blocked.newPage();
  const errors = [];
  page2.on("pageerror", (e) => errors.push(e.message));
  try {
    await page2.goto(server.url + "/craftsmen/ou-zhijian/");
    await page2.locator(".tool-size").click();
    await page2.locator(".tool-contrast").click();
    const classes = await page2.evaluate(() => document.documentElement.className);
    assert.match(classes, /\btext-1\b/);
    assert.match(classes, /\bcontrast\b/);
    assert.deepEqual(errors, []);
  } finally {
    await blocked.close();
  }
});

test("high contrast: remembered across pages; every page kind meets WCAG AA contrast, and AAA", async () => {
  const { context, page, problems } = await open("/", 375);
  try {
    const contrast = page.locator(".tool-contrast");
    assert.equal(await contrast.getAttribute("aria-pressed"), "false");
    await contrast.click();
    assert.equal(await contrast.getAttribute("aria-pressed"), "true");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(0, 0, 0)");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "技艺故事" }).click();
    await page.waitForURL("**/stories/");
    assert.equal(await page.locator(".tool-contrast").getAttribute("aria-pressed"), "true");
    await page.locator(".tool-contrast").click();
    assert.equal(await page.evaluate(() => localStorage.getItem("gj-contrast")), null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  const found = [];
  for (const [kind, url, { ready } = {}] of PAGES) {
    for (const large of [false, true]) {
      const { context, page } = await open(url, 375, { expectStatus: kind === "404", ready, contrast: true, large, voices: ["zh-CN"] });
      try {
        await page.waitForFunction(() => document.documentElement.classList.contains("can-read"));
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        await page.addScriptTag({ path: AXE });
        const bad = await page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast", "color-contrast-enhanced"] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ") + " " + (n.any[0]?.message || "")).slice(0, 3).join(" | ")}`);
        });
        if (bad.length) found.push(`${kind}${large ? " (150 %)" : ""}: ${bad.join("; ")}`);
        await page.screenshot({ path: path.join(SHOTS, `${kind}-375-contrast${large ? "-large" : ""}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }
  }
  assert.deepEqual(found, []);
});

test("朗读 reads the main text in Chinese, stops when pressed again, and is hidden without a Chinese voice", async () => {
  const { context, page, problems } = await open("/stories/mould-and-robot/", 375, { voices: ["en-US", "zh-CN"] });
  try {
    const read = page.locator(".tool-read");
    await page.waitForFunction(() => document.documentElement.classList.contains("can-read"));
    assert.ok(await read.isVisible());
    await read.click();
    assert.equal(await read.getAttribute("aria-pressed"), "true");
    const spoken = await page.evaluate(() => window.__spoken);
    const said = spoken.filter((x) => x !== "cancel");
    assert.ok(said.length > 1, "the text is read in pieces of sentences");
    assert.ok(said.every((u) => u.lang === "zh-CN" && u.voice === "zh-CN"), JSON.stringify(said.slice(0, 2)));
    const h1 = await page.locator("h1").innerText();
    assert.ok(said[0].text.includes(h1), `starts with the title: ${said[0].text}`);
    const whole = said.map((u) => u.text).join("");
    assert.ok(!whole.includes("跳到正文") && !whole.includes("全站搜索"), "the main text only");
    await read.click();
    assert.equal(await read.getAttribute("aria-pressed"), "false");
    assert.equal((await page.evaluate(() => window.__spoken)).at(-1), "cancel");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  for (const voices of [["en-US"], []]) {
    const { context, page } = await open("/stories/mould-and-robot/", 375, { voices });
    try {
      await page.waitForTimeout(600);
      assert.equal(await page.locator(".tool-read").isVisible(), false, `no Chinese voice (${voices}): not offered`);
    } finally {
      await context.close();
    }
  }
  // A browser without speechSynthesis: not offered, and no script error.
  const none = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
  await none.addInitScript(() => Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true }));
  try {
    const page = await none.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + "/stories/mould-and-robot/");
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".tool-read").isVisible(), false);
    await page.locator(".tool-size").click();
    assert.deepEqual(errors, []);
  } finally {
    await none.close();
  }
  // Chromium without speech (no voices at all, as here): the button is not offered either.
  const plain = await open("/", 375);
  try {
    await plain.page.waitForTimeout(300);
    assert.equal(await plain.page.locator(".tool-read").isVisible(), false);
  } finally {
    await plain.context.close();
  }
});

test("keyboard: the skip link comes first, shows itself and focus is clearly visible", async () => {
  const { context, page } = await open("/craftsmen/ou-zhijian/", 375);
  try {
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const a = document.activeElement, r = a.getBoundingClientRect(), st = getComputedStyle(a);
      return { text: a.textContent, left: r.left, outline: parseFloat(st.outlineWidth), style: st.outlineStyle };
    });
    assert.equal(skip.text, "跳到正文");
    assert.ok(skip.left >= 0, "the skip link moves into view when focused");
    assert.ok(skip.outline >= 2 && skip.style !== "none", `focus outline ${skip.outline}px ${skip.style}`);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  } finally {
    await context.close();
  }
});

test("without JavaScript every page reads in full, and the reading aids are simply not offered", async () => {
  for (const [kind, url] of PAGES) {
    const { context, page } = await open(url, 375, { javaScript: false, expectStatus: kind === "404" });
    const withJs = await open(url, 375, { expectStatus: kind === "404" });
    try {
      for (const tool of [".tool-size", ".tool-contrast", ".tool-read"]) {
        assert.equal(await page.locator(tool).isVisible(), false, `${kind}: ${tool} not offered`);
      }
      assert.ok(await page.locator("h1").isVisible(), `${kind}: h1 visible`);
      assert.equal(await page.locator(".site-header form[role=search] input[name=q]").count(), 1, `${kind}: search form`);
      // Everything the page says with scripts it says without (the search page's results excepted:
      // searching needs scripts, and the page says so).
      if (!kind.startsWith("search")) {
        const text = (p) => p.evaluate(() => document.getElementById("main").innerText.replace(/\s+/g, " ").trim());
        assert.equal(await text(page), await text(withJs.page), `${kind}: the main text without scripts`);
      }
    } finally {
      await context.close();
      await withJs.context.close();
    }
  }
});

test("keyboard: every control is reached with Tab and works with Enter or Space; nothing pops up", async () => {
  for (const url of ["/", "/craftsmen/ou-zhijian/", "/stats/", "/search/"]) {
    const { context, page, problems } = await open(url, 375, { voices: ["zh-CN"] });
    const popups = [];
    page.on("dialog", (d) => { popups.push(`dialog: ${d.message()}`); d.dismiss(); });
    page.on("popup", (p) => popups.push(`popup: ${p.url()}`));
    try {
      await page.waitForFunction(() => document.documentElement.classList.contains("can-read"));
      const controls = await page.evaluate(() => {
        const key = (el) => el.tagName + "|" + (el.id || "") + "|" + (el.getAttribute("href") || "") + "|" + el.textContent.trim().slice(0, 20);
        window.__key = key;
        const all = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])")];
        return all.filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.disabled).map(key);
      });
      const reached = new Set();
      for (let i = 0; i < controls.length + 5; i++) {
        await page.keyboard.press("Tab");
        const k = await page.evaluate(() => document.activeElement && document.activeElement !== document.body ? window.__key(document.activeElement) : "");
        if (k) reached.add(k);
      }
      const missed = controls.filter((k) => !reached.has(k));
      assert.deepEqual(missed, [], `${url}: controls Tab does not reach`);
      // The reading aids work from the keyboard.
      await page.locator(".tool-size").focus();
      await page.keyboard.press("Enter");
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains("text-1")), "Enter on 大字");
      await page.keyboard.press("Space");
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains("text-2")), "Space on 特大字");
      await page.locator(".tool-contrast").focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.locator(".tool-contrast").getAttribute("aria-pressed"), "true");
      await page.locator(".tool-read").focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.locator(".tool-read").getAttribute("aria-pressed"), "true");
      const blank = await page.evaluate(() => [...document.querySelectorAll("a[target]")].map((a) => a.outerHTML));
      assert.deepEqual(blank, [], "no link opens a new window");
      assert.deepEqual(popups, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test("photos: srcset and sizes, first photo not lazy, no original photo downloaded on a phone", async () => {
  const { context, page, requests } = await open("/craftsmen/ou-zhijian/", 375, { dpr: 3 });
  try {
    await scrollThrough(page);
    const first = page.locator(".profile-photo img");
    assert.equal(await first.getAttribute("loading"), null, "the above-the-fold photo loads at once");
    for (const attr of ["srcset", "sizes", "width", "height"]) assert.ok(await first.getAttribute(attr), attr);
    assert.equal(await page.locator(".profile-photo source[type='image/webp']").count(), 1);
    const urls = requests.map((r) => r.url());
    assert.ok(urls.some((u) => /photo-\d+w\.[0-9a-f]{8}\.webp$/.test(u)), "a resized WebP is used");
    assert.ok(!urls.some((u) => /\/photo\.(jpe?g|png)$/.test(u)), `an original was downloaded: ${urls.join(" ")}`);
    const cards = await page.goto(server.url + "/craftsmen/").then(() => page.locator(".card img").evaluateAll((imgs) => imgs.map((i) => i.loading)));
    assert.ok(cards.length > 0 && cards.every((l) => l === "lazy"), "card photos are lazy");
  } finally {
    await context.close();
  }
});

test("a profile page transfers at most 30 KB of HTML, CSS and JS", async () => {
  const { context, page, requests } = await open("/craftsmen/ou-zhijian/", 375);
  try {
    await page.waitForLoadState("networkidle");
    let raw = 0, gz = 0;
    const parts = [];
    for (const r of requests) {
      const type = r.request().resourceType();
      if (!["document", "stylesheet", "script"].includes(type)) continue;
      const body = await r.body();
      raw += body.length;
      gz += zlib.gzipSync(body, { level: 9 }).length;
      parts.push(`${new URL(r.url()).pathname} ${body.length} B`);
    }
    console.log(`profile page weight: ${raw} B (${(raw / 1024).toFixed(1)} KB) uncompressed, ${gz} B gzip — ${parts.join(", ")}`);
    assert.ok(raw <= 30 * 1024, `${raw} bytes`);
  } finally {
    await context.close();
  }
});

test("sharing and search metadata: canonical, OpenGraph with an absolute image, JSON-LD", async () => {
  const { context, page } = await open("/craftsmen/ou-zhijian/", 1280);
  try {
    const meta = await page.evaluate(() => ({
      canonical: document.querySelector("link[rel=canonical]")?.href,
      description: document.querySelector("meta[name=description]")?.content,
      og: Object.fromEntries([...document.querySelectorAll("meta[property^='og:']")].map((m) => [m.getAttribute("property"), m.content])),
      ld: [...document.querySelectorAll("script[type='application/ld+json']")].map((s) => JSON.parse(s.textContent)),
    }));
    assert.match(meta.canonical, /^https?:\/\/.+\/craftsmen\/ou-zhijian\/$/);
    assert.ok(meta.description);
    assert.ok(meta.og["og:title"] && meta.og["og:description"]);
    assert.match(meta.og["og:image"], /^https?:\/\/.+\.jpg$/);
    const graph = meta.ld[0]["@graph"];
    const profile = graph.find((n) => n["@type"] === "ProfilePage");
    const person = profile.mainEntity;
    assert.equal(person["@type"], "Person");
    for (const k of ["jobTitle", "worksFor", "knowsAbout", "image"]) assert.ok(person[k], k);
    assert.ok(graph.some((n) => n["@type"] === "BreadcrumbList"));
  } finally {
    await context.close();
  }
});

test("the server answers a missing page with the site's 404 page and status 404", async () => {
  const r = await fetch(server.url + "/craftsmen/nobody/");
  assert.equal(r.status, 404);
  assert.match(await r.text(), /页面不存在/);
});
