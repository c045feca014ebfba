// Save → reloaded page as an editor sees it: `gongjiang serve` on SITE, a profile page open in
// headless Chromium, then RUNS saves of that profile's `summary:` line; each is timed from the
// write to the reloaded page's DOMContentLoaded showing the edit (WebSocket message, reload,
// page, stylesheet and scripts). Restores the profile at the end. Prints each run and the median.
//
//   node bench/serve_reload.mjs SITE [--runs 11] [--bin target/release/gongjiang]
//
// Needs the browser tests' set-up (`npm ci --ignore-scripts`, Debian's `chromium`).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const site = args[0] && !args[0].startsWith("--") ? path.resolve(args[0]) : null;
if (!site) {
  console.error("usage: node bench/serve_reload.mjs SITE [--runs 11] [--bin PATH]");
  process.exit(2);
}
const runs = Number(option("--runs", "11"));
const bin = option("--bin", "target/release/gongjiang");
const dir = path.join(site, "content/craftsmen");
const first = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()[0];
const profile = path.join(dir, first);
const slug = first.replace(/\.md$/, "");
const original = fs.readFileSync(profile, "utf8");
if (!/^summary:/m.test(original)) {
  console.error(`${profile} needs a summary: line`);
  process.exit(2);
}

const server = spawn(bin, ["serve", "--port", "0", "--root", site], {
  stdio: ["ignore", "pipe", "ignore"],
});
const url = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/serving (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  server.on("exit", () => reject(new Error("serve did not start")));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const times = [];
try {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${url}craftsmen/${slug}/`);
  await page.waitForTimeout(1000);
  for (let i = 0; i < runs; i++) {
    const marker = `重载测量${i}x${Date.now()}`;
    const reloaded = page.waitForNavigation({ waitUntil: "domcontentloaded", timeout: 60000 });
    const start = performance.now();
    fs.writeFileSync(profile, original.replace(/^summary:.*$/m, `summary: ${marker}`));
    await reloaded;
    const ms = performance.now() - start;
    if (!(await page.content()).includes(marker)) throw new Error("the reloaded page lacks the edit");
    times.push(ms);
    console.log(`run ${i + 1}: ${ms.toFixed(1)} ms`);
    await page.waitForTimeout(500);
  }
} finally {
  fs.writeFileSync(profile, original);
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
console.log(
  `median save→reloaded page: ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${runs} runs (${slug})`,
);
