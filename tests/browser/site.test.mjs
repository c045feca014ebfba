// Browser tests of the built demo site (build it first: `cargo run -- build`).
//
// Every page kind at 320, 375 and 1280 px, in normal and in large text, in Chromium: no console
// errors, no failed requests, no horizontal overflow, no serious or critical axe-core violation,
// and the layout assertions of layout.mjs (text boxes, column widths, table first columns,
// overlaps, whole names, navigation lines, header height, layout shift); a full-page screenshot of
// each goes to tests/browser/screenshots/ (kept by CI as an artefact: look at them). The Nu Html
// Checker validates every HTML file of the site.
// Also: the large-text switch, reading without JavaScript, photos, page weight, sharing metadata.
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

/** Opens `url` at `width` and records what went wrong while loading. */
async function open(url, width, options = {}) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT[width] || (width < 600 ? 740 : 900) },
    deviceScaleFactor: options.dpr || 1,
    javaScriptEnabled: options.javaScript !== false,
    locale: "zh-CN",
  });
  if (options.large) await context.addInitScript(() => localStorage.setItem("gj-text", "large"));
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
          { expectStatus: kind === "404", large, ready, scriptDelay: SCRIPT_DELAY_MS });
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
        const { context, page } = await open(url, width, { expectStatus: kind === "404", large, ready, scriptDelay: SCRIPT_DELAY_MS });
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
      if (large) await context.addInitScript(() => localStorage.setItem("gj-text", "large"));
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

test("large-text switch: text gets larger and the choice survives a navigation", async () => {
  const { context, page, problems } = await open("/craftsmen/ou-zhijian/", 375);
  try {
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")).fontSize));
    const toggle = page.getByRole("button", { name: "大字" });
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    const before = await size();
    const box = await toggle.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, "touch target at least 44 px");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const larger = await size();
    assert.ok(larger >= before * 1.2, `text grew from ${before}px to ${larger}px`);
    assert.equal(await page.evaluate(() => localStorage.getItem("gj-text")), "large");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `large text overflows by ${overflow}px`);
    await page.screenshot({ path: path.join(SHOTS, "profile-375-large-switched.png"), fullPage: true });
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "技艺故事" }).click();
    await page.waitForURL("**/stories/");
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large")), "still large after navigating");
    assert.equal(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed"), "true");
    await page.getByRole("button", { name: "大字" }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem("gj-text")), null);
    assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains("large"))));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
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

test("without JavaScript every page reads, and the switch is simply not offered", async () => {
  for (const [kind, url] of PAGES) {
    const { context, page } = await open(url, 375, { javaScript: false, expectStatus: kind === "404" });
    try {
      assert.equal(await page.locator(".text-toggle").isVisible(), false, `${kind}: no large-text switch`);
      assert.ok(await page.locator("h1").isVisible(), `${kind}: h1 visible`);
      assert.equal(await page.locator(".site-header form[role=search] input[name=q]").count(), 1, `${kind}: search form`);
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
