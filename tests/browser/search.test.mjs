// Browser test of the search page on the demo site: a reader types a Chinese query and sees the
// expected profile first; a shared /search/?q=… link loads its results; filters, pinyin, the
// empty state, a site under a sub-path, the page without JavaScript, and the level filter of a
// site with unions (tests/fixtures/levels).
//
//   node --test tests/browser/search.test.mjs      (needs playwright-core and /usr/bin/chromium)
//
// The test builds the demo site twice (at the root and under /sub/) and the levels fixture into
// temporary folders and serves each from 127.0.0.1 with Node's http module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
};

// The binary `cargo test` built, as .ci/run uses it; `cargo run` when there is none.
const bin = path.resolve(repo, process.env.CARGO_TARGET_DIR || 'target', 'debug', 'gongjiang');

function build(out, extra, root = repo) {
  const args = ['build', '--root', root, '--output', out, ...extra];
  const [cmd, all] = fs.existsSync(bin) ? [bin, args] : ['cargo', ['run', '--quiet', '--', ...args]];
  execFileSync(cmd, all, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
}

// Serves `dir` at `prefix` (`/` or `/sub/`); resolves to the origin.
function serve(dir, prefix) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); return res.end(); }
    p = path.join(dir, p.slice(prefix.length));
    if (!p.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, 'index.html');
    fs.readFile(p, (err, body) => {
      if (err) { res.writeHead(404); return res.end('not found'); }
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ server, origin: `http://127.0.0.1:${server.address().port}` });
  }));
}

let browser, root, sub, levels, tmp;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjiang-search-'));
  build(path.join(tmp, 'root'), []);
  build(path.join(tmp, 'sub'), ['--base-url', 'https://example.org/sub/']);
  build(path.join(tmp, 'levels'), [], path.join(repo, 'tests/fixtures/levels'));
  root = await serve(path.join(tmp, 'root'), '/');
  sub = await serve(path.join(tmp, 'sub'), '/sub/');
  levels = await serve(path.join(tmp, 'levels'), '/');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  root?.server.close();
  sub?.server.close();
  levels?.server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// A page that fails the test on script errors and failed requests.
async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  return { page, problems, close: () => context.close() };
}

const titles = (page) => page.locator('#search-results .search-title').allTextContents();

test('typing a Chinese query shows the expected profile first and puts the query in the URL', async () => {
  const { page, problems, close } = await open();
  await page.goto(`${root.origin}/search/`);
  await page.locator('#search-q').pressSequentially('带电作业', { delay: 30 });
  await page.locator('#search-results li').first().waitFor();
  assert.equal((await titles(page))[0], '张伟民');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '带电作业');
  const first = page.locator('#search-results li').first();
  assert.equal(await first.locator('a').getAttribute('href'), '/craftsmen/zhang-weimin/');
  assert.match(await first.locator('.search-meta').textContent(), /工匠 · 2017年 · 电力/);
  assert.equal(await first.locator('mark').first().textContent(), '带电作业');
  assert.match(await page.locator('#search-status').textContent(), /找到 3 条结果/);
  assert.deepEqual(problems, []);
  await close();
});

test('a shared /search/?q= link shows its results directly', async () => {
  const { page, problems, close } = await open();
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('仇志强')}`);
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await titles(page), ['仇志强', '一条焊缝']);
  assert.equal(await page.locator('#search-status').textContent(), '找到 2 条结果');
  assert.equal(await page.locator('#search-q').inputValue(), '仇志强');
  assert.equal(await page.locator('#search-browse').isVisible(), false);
  assert.deepEqual(problems, []);
  await close();
});

test('pinyin, initials and filters', async () => {
  const { page, problems, close } = await open();
  await page.goto(`${root.origin}/search/?q=zwm`);
  await page.locator('#search-results li').first().waitFor();
  assert.equal((await titles(page))[0], '张伟民');
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('上海某某')}&industry=C`);
  await page.locator('#search-results li').first().waitFor();
  assert.equal(await page.locator('select[name=industry]').inputValue(), 'C');
  const metas = await page.locator('#search-results .search-meta').allTextContents();
  assert.ok(metas.length === 15 && metas.every((m) => m.includes('制造业')), metas.join('\n'));
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('上海某某')}`);
  await page.locator('#search-results li').first().waitFor();
  assert.equal(await page.locator('#search-results li').count(), 10);
  await page.locator('#search-more').click();
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 10);
  assert.deepEqual(problems, []);
  await close();
});

test('on a site with unions the level filter keeps the craftsmen whose card shows that level', async () => {
  const { page, problems, close } = await open();
  // The demo has district unions: its search offers the levels its craftsmen hold.
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('徐汇')}&level=${encodeURIComponent('区级')}`);
  assert.deepEqual(await page.locator('select[name=level] option').allTextContents(), ['全部级别', '市级', '区级']);
  await page.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status').textContent));
  const demoMetas = await page.locator('#search-results .search-meta').allTextContents();
  assert.ok(demoMetas.length > 0 && demoMetas.every((m) => m.startsWith('区级工匠')), demoMetas.join('\n'));
  await page.goto(`${levels.origin}/search/?q=${encodeURIComponent('某某')}`);
  await page.waitForFunction(() => /找到 4 条结果/.test(document.getElementById('search-status').textContent));
  assert.deepEqual((await titles(page)).sort(), ['张伟', '李娜', '王强', '陈立'].sort());
  const level = page.locator('select[name=level]');
  assert.deepEqual(await level.locator('option').allTextContents(), ['全部级别', '市级', '区级']);
  await level.selectOption('区级');
  await page.waitForFunction(() => /找到 2 条结果/.test(document.getElementById('search-status').textContent));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('level') === '区级');
  assert.deepEqual((await titles(page)).sort(), ['王强', '陈立'].sort());
  const metas = await page.locator('#search-results .search-meta').allTextContents();
  assert.ok(metas.every((m) => m.startsWith('区级工匠')), metas.join('\n'));
  await page.goto(`${levels.origin}/search/?q=${encodeURIComponent('某某')}&level=${encodeURIComponent('市级')}`);
  await page.waitForFunction(() => /找到 2 条结果/.test(document.getElementById('search-status').textContent));
  assert.equal(await level.inputValue(), '市级');
  assert.deepEqual((await titles(page)).sort(), ['张伟', '李娜'].sort());
  assert.deepEqual(problems, []);
  await close();
});

test('a query without results says so and offers the A–Z and industry links', async () => {
  const { page, problems, close } = await open();
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('量子计算')}`);
  await page.waitForFunction(() => /没有找到/.test(document.getElementById('search-status').textContent));
  assert.equal(await page.locator('#search-browse').isVisible(), true);
  assert.equal(await page.locator('#search-help').isVisible(), true);
  assert.deepEqual(problems, []);
  await close();
});

test('a site under a sub-path finds its index and links under the sub-path', async () => {
  const { page, problems, close } = await open();
  await page.goto(`${sub.origin}/sub/search/?q=${encodeURIComponent('焊接')}`);
  await page.locator('#search-results li').first().waitFor();
  const hrefs = await page.locator('#search-results .search-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/sub/')), hrefs.join(' '));
  assert.equal(hrefs[0], '/sub/craftsmen/qiu-zhiqiang/');
  assert.deepEqual(problems, []);
  await close();
});

test('without JavaScript the page offers the A–Z index and industry links', async () => {
  const { page, close } = await open({ javaScriptEnabled: false });
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('焊接')}`);
  assert.equal(await page.locator('#search').isVisible(), false);
  assert.ok(await page.locator('#search-browse a[href="/craftsmen/#letter-Z"]').isVisible());
  assert.ok(await page.locator('#search-browse a[href="/industries/C/"]').isVisible());
  await close();
});

test('only the search page loads the search script', async () => {
  const { page, close } = await open();
  const scripts = [];
  page.on('request', (r) => { if (r.url().includes('search')) scripts.push(r.url()); });
  await page.goto(`${root.origin}/`);
  await page.goto(`${root.origin}/craftsmen/zhang-weimin/`);
  assert.deepEqual(scripts, []);
  await close();
});
