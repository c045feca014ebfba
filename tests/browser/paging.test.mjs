// Browser test of split lists: the demo site built with `index_page_size: 4`, so that its 30
// profiles fill eight index pages, and its largest industry, a cohort and the stories two or more.
// Each page loads cleanly, fits a phone, passes axe; the letter bar reaches letters on other
// pages; the pager marks the current page, says where it stands and links to its neighbours.
//
//   node --test tests/browser/paging.test.mjs      (needs playwright-core and /usr/bin/chromium)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.resolve(repo, process.env.CARGO_TARGET_DIR || "target", "debug", "gongjiang");

let browser, server, tmp;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongjiang-paging-"));
  const site = path.join(tmp, "site");
  fs.cpSync(path.join(repo, "content"), path.join(site, "content"), { recursive: true });
  fs.appendFileSync(path.join(site, "content", "site.yaml"), "\nindex_page_size: 4\n");
  const out = path.join(tmp, "out");
  const args = ["build", "--root", site, "--output", out];
  const [cmd, all] = fs.existsSync(bin) ? [bin, args] : ["cargo", ["run", "--quiet", "--", ...args]];
  execFileSync(cmd, all, { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  server = await serve(out);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(url, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const response = await page.goto(server.url + url, { waitUntil: "load" });
  return { context, page, problems, response };
}

for (const url of ["/craftsmen/page/2/", "/industries/C/page/2/", "/cohorts/2018/page/2/", "/stories/page/2/"]) {
  for (const width of [375, 1280]) {
    test(`${url} at ${width}px: loads cleanly, fits, passes axe, marks its page`, async () => {
      const { context, page, problems, response } = await open(url, width);
      try {
        assert.equal(response.status(), 200);
        assert.match(await page.locator("h1").innerText(), /（第 2 页）/);
        const current = page.locator('.pages a[aria-current="page"]');
        assert.equal(await current.count(), 1);
        assert.equal(await current.innerText(), "2");
        assert.equal(await current.getAttribute("aria-label"), "第 2 页");
        assert.match(await page.locator(".page-count").innerText(), /^第 2 页，共 \d+ 页；本页是第 5–\d+ (位|篇)，共 \d+ (位|篇)。$/);
        const base = url.replace(/page\/2\/$/, "");
        assert.equal(await page.locator('head link[rel="prev"]').getAttribute("href"), base);
        assert.equal(await page.locator('.pages a[rel="prev"]').innerText(), "上一页");
        const box = await current.boundingBox();
        assert.ok(box.width >= 44 && box.height >= 44, `page links are 44 px touch targets: ${JSON.stringify(box)}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
        await page.addScriptTag({ path: AXE });
        const bad = await page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] } });
          return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
        });
        assert.deepEqual(bad, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}

test("the letter bar on a later page reaches a letter on the first page", async () => {
  const { context, page, problems } = await open("/craftsmen/page/2/", 375);
  try {
    const away = page.locator('.az a[href^="/craftsmen/#letter-"]').first();
    assert.ok(await away.count(), "a letter link to the first page");
    const letter = (await away.getAttribute("href")).split("#letter-")[1];
    await Promise.all([page.waitForURL(/\/craftsmen\/#letter-/), away.click()]);
    assert.equal(await page.locator(`#letter-${letter}`).count(), 1);
    assert.ok(await page.locator(`#letter-${letter} .card`).count() > 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
