// Runs the search page's script (themes/default/static/search.js) under Node against a built
// index folder, for the Rust tests to compare with the Rust query engine.
//
//   node tests/search/run-script.mjs <public/search dir> <all|first>  < queries
//
// Each input line is `query<TAB>industry<TAB>cohort<TAB>level`; each output line is JSON:
// {"hits": [[tier, id], ...], "count": n, "exact": bool, "files": [paths read]}.
// `all` confirms every candidate; `first` stops at the first page and reads its documents,
// as the page does.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = fs.readFileSync(path.join(here, '../../themes/default/static/search.js'), 'utf8');
const [dir, mode] = process.argv.slice(2);
const context = vm.createContext({ TextEncoder });
vm.runInContext(script, context);
const S = context.gongjiangSearch;

const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
for (const line of lines) {
  const [q, industry = '', cohort = '', level = ''] = line.split('\t');
  const files = [];
  const engine = new S.Engine((p) => {
    const clean = p.split('?')[0];
    files.push(clean);
    try {
      return Promise.resolve(fs.readFileSync(path.join(dir, clean), 'utf8'));
    } catch {
      return Promise.resolve(null);
    }
  });
  const r = await engine.search(q, { industry, cohort, level });
  const out = { hits: [], count: 0, exact: true, files };
  if (r) {
    await engine.more(r, mode === 'first' ? 10 : Infinity);
    if (mode === 'first') await Promise.all(r.hits.map((h) => engine.doc(h.id)));
    Object.assign(out, { hits: r.hits.map((h) => [h.tier, h.id]), count: r.count, exact: r.exact });
  }
  out.files = [...new Set(files)].sort();
  process.stdout.write(JSON.stringify(out) + '\n');
}
