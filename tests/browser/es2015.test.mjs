// Every script a reader's browser runs is ES2015 (older phones and WebViews still in use parse
// nothing newer): the theme's scripts, the scripts written into its templates and the preview's
// live-reload script are parsed with acorn at ecmaVersion 2015. Newer features are detected at
// run time, never written as syntax (a regular expression with \p{…} is built from a string).
//
//   node --test tests/browser/es2015.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as acorn from "acorn";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function files(dir, ext) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/** Every script: [where, source]. */
function scripts() {
  const out = [];
  for (const theme of fs.readdirSync(path.join(repo, "themes"))) {
    const root = path.join(repo, "themes", theme);
    for (const f of files(path.join(root, "static"), ".js")) out.push([path.relative(repo, f), fs.readFileSync(f, "utf8")]);
    for (const f of files(path.join(root, "templates"), ".html")) {
      const html = fs.readFileSync(f, "utf8");
      for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1] || "";
        if (/\bsrc=|type="application\/ld\+json"/.test(attrs) || !m[2].trim()) continue;
        out.push([`${path.relative(repo, f)} (inline script)`, m[2]]);
      }
    }
  }
  for (const f of files(path.join(repo, "src", "serve"), ".js")) out.push([path.relative(repo, f), fs.readFileSync(f, "utf8")]);
  return out;
}

/** The parse error of `source` as ES2015, or null. */
export function es2015Error(source) {
  try {
    acorn.parse(source, { ecmaVersion: 2015, sourceType: "script" });
    return null;
  } catch (e) {
    return e.message;
  }
}

test("every script of the theme and the preview parses as ES2015", () => {
  const all = scripts();
  assert.ok(all.some(([f]) => f.endsWith("site.js")) && all.some(([f]) => f.endsWith("search.js")), all.map(([f]) => f).join(" "));
  assert.ok(all.some(([f]) => f.includes("inline script")), "the head script of base.html is checked too");
  const bad = all.map(([f, src]) => [f, es2015Error(src)]).filter(([, e]) => e);
  assert.deepEqual(bad, []);
});

test("the check sees syntax newer than ES2015", () => {
  for (const newer of ["a?.b", "a ?? b", "async function f() {}", "x ** 2", "({...a})", "try {} catch {}", "/\\p{L}/u", "class A { #x = 1 }"]) {
    assert.ok(es2015Error(newer), `${newer} is not ES2015`);
  }
  for (const old of ["let a = () => 1;", "const {b} = {b: 2};", "var s = `t${1}`;", "class A {}", "for (const x of []) {}", "/[\\u4e00-\\u9fff]/"]) {
    assert.equal(es2015Error(old), null, old);
  }
});
