// Browser test of the preview's warnings panel: `gongjiang serve` on a copy of the demo site with
// one mistake that warns, read in Chromium at 320 px and 1280 px, with normal and large text.
//
// The panel must show the warning with its place, stay clear of the page's first heading while
// closed, open and close with the keyboard (Escape), have no serious axe-core violation, and go
// away once the file is fixed. Screenshots go to tests/browser/screenshots/preview-*.png.
//
// Environment: GONGJIANG (default target/debug/gongjiang), CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const SHOTS = path.resolve("tests/browser/screenshots");
const BIN = path.resolve(process.env.GONGJIANG || "target/debug/gongjiang");
const PROFILE = "content/craftsmen/zhang-weimin.md";

let site, preview, url, browser;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  site = fs.mkdtempSync(path.join(os.tmpdir(), "gongjiang-preview-"));
  fs.cpSync("content", path.join(site, "content"), { recursive: true });
  fs.cpSync("themes", path.join(site, "themes"), { recursive: true });
  const profile = path.join(site, PROFILE);
  const text = fs.readFileSync(profile, "utf8");
  assert.match(text, /^industry: .*$/m, "the profile names its industry");
  // An older name of the section: mapped to its section, with a warning.
  fs.writeFileSync(profile, text.replace(/^industry: .*$/m, "industry: 信息传输和计算机服务业"));
  preview = spawn(BIN, ["serve", "--root", site, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  url = await new Promise((ok, fail) => {
    let out = "";
    preview.stdout.on("data", (b) => {
      out += b;
      const m = out.match(/serving (http:\/\/\S+)/);
      if (m) ok(m[1].replace(/\/$/, ""));
    });
    preview.on("exit", (code) => fail(new Error(`gongjiang serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  preview?.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** The panel's toggle button (inside its shadow root), once it is there. */
async function toggle(page) {
  const button = page.locator("gongjiang-warnings").locator("button.toggle");
  await button.waitFor({ state: "visible", timeout: 15000 });
  return button;
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const width of [320, 1280]) {
  for (const large of [false, true]) {
    const name = `${width}${large ? "-large" : ""}`;
    test(`the warnings panel at ${name} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 720 } });
      try {
        if (large) {
          await page.addInitScript(() => localStorage.setItem("gj-text", "large"));
        }
        await page.goto(`${url}/craftsmen/zhang-weimin/`);
        const button = await toggle(page);
        assert.match(await button.innerText(), /1 条提醒/);
        // Closed, it stays clear of the page's first heading.
        const heading = await page.locator("main h1").first().boundingBox();
        const strip = await page.locator("gongjiang-warnings").locator(".bar").boundingBox();
        assert.ok(heading && strip, "heading and strip are laid out");
        assert.ok(!overlaps(heading, strip), `strip ${JSON.stringify(strip)} over heading ${JSON.stringify(heading)}`);
        await page.screenshot({ path: path.join(SHOTS, `preview-${name}-closed.png`) });
        // Opened from the keyboard, it lists the warning with its place.
        await button.focus();
        await page.keyboard.press("Enter");
        const list = page.locator("gongjiang-warnings").locator("ol");
        await list.waitFor({ state: "visible" });
        const text = await list.innerText();
        assert.match(text, /content\/craftsmen\/zhang-weimin\.md:\d+:\d+/);
        assert.match(text, /industry/);
        const box = await page.locator("gongjiang-warnings").locator(".box").boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= width, `the open list fits the screen: ${JSON.stringify(box)}`);
        await page.screenshot({ path: path.join(SHOTS, `preview-${name}-open.png`) });
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(async () =>
          // eslint-disable-next-line no-undef
          axe.run({ include: [["gongjiang-warnings"]] }, { resultTypes: ["violations"] }));
        const serious = results.violations.filter((v) => ["serious", "critical"].includes(v.impact));
        assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), []);
        await page.keyboard.press("Escape");
        await list.waitFor({ state: "hidden" });
        const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className || "");
        assert.match(focused, /toggle/, "focus returns to the button");
      } finally {
        await page.close();
      }
    });
  }
}

test("the panel goes away once the file is fixed", async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 720 } });
  try {
    await page.goto(`${url}/craftsmen/zhang-weimin/`);
    await toggle(page);
    const profile = path.join(site, PROFILE);
    fs.writeFileSync(profile, fs.readFileSync(profile, "utf8").replace("industry: 信息传输和计算机服务业", "industry: I"));
    await page.locator("gongjiang-warnings").waitFor({ state: "detached", timeout: 15000 });
  } finally {
    await page.close();
  }
});
