/* 站内搜索：读取 search/ 下的静态索引，只下载一次查询需要的几个小文件。
 * The matching rules and the query steps mirror src/search/text.rs and src/search/query.rs;
 * change them together. No framework; loaded by the search page only. */
(function (root) {
  'use strict';
  var MAXP = 12, BATCH = 10, GROUPS = 3;
  // Letters and digits as the index reads them (char::is_alphanumeric). Engines before ES2018 have
  // no \p{…}: the expression is built from a string, and they get the scripts a Chinese site meets.
  var WORD;
  try {
    WORD = new RegExp('[\\p{Alphabetic}\\p{N}]', 'u');
  } catch (e) {
    WORD = /[0-9A-Za-z\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C1\u0370-\u03FF\u0400-\u052F\u2160-\u2188\u2460-\u249B\u3005-\u3007\u3021-\u3029\u3038-\u303C\u3041-\u3096\u30A1-\u30FA\u3105-\u312F\u31A0-\u31BF\u3220-\u3229\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFDC]|[\uD840-\uD87F\uD880-\uD88F][\uDC00-\uDFFF]/;
  }

  // --- text rules (src/search/text.rs) ---
  function norm(ch) {
    var c = ch.codePointAt(0);
    if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; ch = String.fromCodePoint(c); }
    return c < 128 ? ch.toLowerCase() : ch;
  }
  function cls(ch) {
    if (/^[a-z0-9]$/.test(ch)) return 1;
    return ch.codePointAt(0) >= 128 && WORD.test(ch) ? 2 : 0;
  }
  function chars(text) {
    var out = [];
    for (var ch of text) out.push(norm(ch));
    return out;
  }
  function runs(text) {
    var out = [], last = 0;
    chars(text).forEach(function (ch) {
      var k = cls(ch);
      if (k && k === last) out[out.length - 1].c.push(ch);
      else if (k) out.push({ a: k === 1, c: [ch] });
      last = k;
    });
    return out;
  }
  function queryTerms(q) {
    var seen = {}, out = [];
    runs(q).forEach(function (r) {
      var id = (r.a ? 'a' : 'w') + r.c.join('');
      if (!seen[id]) { seen[id] = 1; out.push(r); }
    });
    return out;
  }
  function indexTerms(t) {
    if (t.a) return [t.c.slice(0, MAXP).join('')];
    if (t.c.length === 1) return [t.c[0]];
    var out = [];
    for (var i = 0; i + 1 < t.c.length; i++) {
      var b = t.c[i] + t.c[i + 1];
      if (out.indexOf(b) < 0) out.push(b);
    }
    return out;
  }
  function needsCheck(t) { return t.c.length > (t.a ? MAXP : 2); }
  function key(text) { return chars(text).filter(cls).join(''); }
  // Where a term occurs in normalised characters: start indexes.
  function find(cs, t) {
    var out = [], n = t.c.length;
    for (var i = 0; i + n <= cs.length; i++) {
      var j = 0;
      while (j < n && cs[i + j] === t.c[j]) j++;
      if (j === n && (!t.a || i === 0 || cls(cs[i - 1]) !== 1)) out.push(i);
    }
    return out;
  }

  // --- encoding (src/search/encode.rs) ---
  function Reader(s) { this.s = s; this.p = 0; }
  Reader.prototype.num = function () {
    var n = 0, f = 1, c;
    while (this.p < this.s.length) {
      c = this.s.charCodeAt(this.p++);
      if (c >= 80) { n += (c - 80) * f; f *= 32; } else return n + (c - 48) * f;
    }
    return n;
  };
  Reader.prototype.set = function () {
    var h = this.num(), out = [], i, b, prev = -1;
    if (this.p > this.s.length) return out;
    if (h % 2 === 0) {
      for (i = 0; i < h / 2; i++) { prev += this.num() + 1; out.push(prev); }
    } else {
      var first = this.num();
      for (i = 0; i < (h - 1) / 2; i++) {
        var bits = this.s.charCodeAt(this.p++) - 48;
        for (b = 0; b < 6; b++) if (bits & (1 << b)) out.push(first + i * 6 + b);
      }
    }
    return out;
  };
  function hash(s) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  // --- query steps (src/search/query.rs) ---
  function Engine(get) {
    this.get = get;
    this.files = {};
    this.lines = {};
    this.m = null;
  }
  Engine.prototype.file = function (path) {
    var files = this.files;
    if (!files[path]) {
      var v = this.m ? '?v=' + this.m.version : '';
      // A failed download is forgotten, so that the next query tries again.
      files[path] = this.get(path + v).catch(function (e) { delete files[path]; throw e; });
    }
    return files[path];
  };
  Engine.prototype.open = function () {
    var self = this;
    return this.m ? Promise.resolve(this.m) : this.file('index.json').then(function (t) {
      if (t === null) throw new Error('no index');
      self.m = JSON.parse(t);
      return self.m;
    });
  };
  Engine.prototype.line = function (path, k) {
    var self = this;
    if (!this.lines[path]) {
      this.lines[path] = this.file(path).then(function (t) {
        var map = new Map();
        (t || '').split('\n').forEach(function (l) {
          var i = l.indexOf('\t');
          if (i > 0) map.set(l.slice(0, i), l.slice(i + 1));
        });
        return map;
      });
    }
    return this.lines[path].then(function (map) { return map.get(k); });
  };
  // An index term's entry: {d: postings} from its shard, or {x: file, n: documents} if spilled.
  Engine.prototype.entry = function (term) {
    var i = hash(term) % this.m.s;
    return this.line('s/' + i + '.txt', term).then(function (d) {
      if (!d || d[0] !== '~') return { d: d || '' };
      var p = d.slice(1).split(':');
      return { x: 'x/' + i + '-' + p[0] + '.txt', n: +p[1] };
    });
  };
  Engine.prototype.postings = function (e) {
    return (e.x ? this.file(e.x) : Promise.resolve(e.d)).then(function (d) {
      var r = new Reader(d || ''), out = [];
      for (var g = 0; g < GROUPS; g++) out.push(r.set());
      return out;
    });
  };
  // Index terms in reading order, and how many the first round reads: a checked phrase reads
  // its bigrams kept in the shards (or else its rarest one) first, its other ones rarest first.
  function plan(t, es) {
    if (t.a || !needsCheck(t)) return { es: es, n: es.length, lists: [] };
    var inline = es.filter(function (e) { return !e.x; });
    var spilled = es.filter(function (e) { return e.x; }).sort(function (a, b) { return a.n - b.n; });
    return { es: inline.concat(spilled), n: inline.length || 1, lists: [] };
  }
  Engine.prototype.names = function (k) {
    if (!k) return Promise.resolve([]);
    return this.line('n/' + (hash(k) % this.m.ns) + '.txt', k).then(function (d) {
      return d ? new Reader(d).set() : [];
    });
  };
  Engine.prototype.doc = function (id) {
    return this.file('d/' + Math.floor(id / 1000) + '/' + id + '.json').then(JSON.parse);
  };
  // (kind label, cohort or 0, industry letter, level) of a document id; the ranges of a site
  // with unions have a fifth item, the level a craftsman's card shows.
  Engine.prototype.labels = function (id) {
    var r = this.m.ranges, lo = 0, hi = r.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (r[mid][0] <= id) lo = mid + 1; else hi = mid; }
    var x = r[Math.max(lo - 1, 0)];
    return x ? [this.m.kinds[x[1]], x[2], x[3], x[4] || ''] : ['', 0, '', ''];
  };
  function termCandidates(lists) {
    var out = new Map();
    for (var g = GROUPS - 1; g >= 0; g--) {
      var rest = lists.slice(1).map(function (l) { return new Set(l[g]); });
      lists[0][g].forEach(function (id) {
        if (rest.every(function (s) { return s.has(id); })) out.set(id, g);
      });
    }
    return out;
  }
  Engine.prototype.combine = function (plans, names, filter) {
    var self = this, per = plans.map(function (p) { return termCandidates(p.lists); }), cands = [];
    per[0].forEach(function (g0, id) {
      if (!per.every(function (m) { return m.has(id); })) return;
      var l = self.labels(id);
      if (filter.cohort && String(l[1]) !== String(filter.cohort)) return;
      if (filter.industry && l[2] !== filter.industry) return;
      if (filter.level && l[3] !== filter.level) return;
      var groups = per.map(function (m) { return m.get(id); });
      var exact = names.has(id);
      cands.push({ id: id, est: exact ? 0 : Math.max.apply(null, groups) + 1, groups: groups, exact: exact });
    });
    return cands.sort(function (a, b) { return a.est - b.est || a.id - b.id; });
  };
  // Starts a query: candidates ranked by their lower-bound tier; `more` confirms and emits.
  // While there are more than two batches of candidates, phrases read 1, 2, 4 … more bigrams.
  Engine.prototype.search = function (q, filter) {
    var self = this, terms = queryTerms(q);
    if (!terms.length) return Promise.resolve(null);
    return this.open().then(function () {
      return Promise.all([
        Promise.all(terms.map(function (t) {
          return Promise.all(indexTerms(t).map(function (x) { return self.entry(x); })).then(function (es) { return plan(t, es); });
        })),
        self.names(key(q))
      ]);
    }).then(function (got) {
      var plans = got[0], names = new Set(got[1]), wave = 0;
      function round() {
        return Promise.all(plans.map(function (p) {
          var es = p.es.slice(p.lists.length, wave ? p.lists.length + wave : p.n);
          return Promise.all(es.map(function (e) { return self.postings(e); })).then(function (ls) { p.lists = p.lists.concat(ls); });
        })).then(function () {
          var cands = self.combine(plans, names, filter);
          wave = wave * 2 || 1;
          if (cands.length <= 2 * BATCH || plans.every(function (p) { return p.lists.length === p.es.length; })) return cands;
          return round();
        });
      }
      return round();
    }).then(function (cands) {
      var check = terms.map(needsCheck);
      return {
        terms: terms, check: check, any: check.some(Boolean), cands: cands, next: 0,
        pending: [], hits: [], count: cands.length, exact: !check.some(Boolean)
      };
    });
  };
  function before(a, b) { return a.tier - b.tier || a.id - b.id; }
  Engine.prototype.confirm = function (r, c) {
    return this.doc(c.id).then(function (d) {
      var texts = [d.t + '\n' + (d.p || ''), d.m, d.b].map(chars), weakest = 0;
      for (var i = 0; i < r.terms.length; i++) {
        var g = c.groups[i];
        if (r.check[i]) while (g < GROUPS && !find(texts[g], r.terms[i]).length) g++;
        if (g === GROUPS) return null;
        weakest = Math.max(weakest, g);
      }
      return { tier: c.exact ? 0 : weakest + 1, id: c.id };
    });
  };
  // Confirms candidates a batch at a time until `limit` hits are ready (or none are left).
  Engine.prototype.more = function (r, limit) {
    var self = this;
    if (r.cands.length <= 2 * BATCH) limit = Infinity; // all confirmed at once: an exact count
    function step() {
      while (r.hits.length < limit && r.pending.length) {
        var c = r.cands[r.next];
        if (c && before(r.pending[0], { tier: c.est, id: c.id }) > 0) break;
        r.hits.push(r.pending.shift());
      }
      if (r.hits.length >= limit || r.next === r.cands.length) {
        if (r.next === r.cands.length && !r.pending.length) { r.exact = true; r.count = r.hits.length; }
        return Promise.resolve(r);
      }
      var batch = r.cands.slice(r.next, r.next + BATCH);
      r.next += batch.length;
      return Promise.all(batch.map(function (c) {
        return r.any ? self.confirm(r, c) : { tier: c.est, id: c.id };
      })).then(function (hs) {
        hs.forEach(function (h) { if (h) r.pending.push(h); });
        r.pending.sort(before);
        return step();
      });
    }
    return step();
  };

  var api = { Engine: Engine, queryTerms: queryTerms, indexTerms: indexTerms, key: key, hash: hash, Reader: Reader, find: find, chars: chars };
  root.gongjiangSearch = api;
  if (typeof document === 'undefined') return;

  // --- the page ---
  // The page shows the search box from the first paint when scripts run (class "js"), and hides
  // the help and the browse lists when it opens with a query (class "search-q"): nothing moves.
  var box = document.getElementById('search');
  if (!box) return;
  var form = box.querySelector('form'), input = form.elements.q;
  var status = document.getElementById('search-status'), list = document.getElementById('search-results');
  var moreBtn = document.getElementById('search-more'), help = document.getElementById('search-help');
  var browse = document.getElementById('search-browse');
  var base = box.getAttribute('data-index');
  var engine = new Engine(function (path) {
    return fetch(base + path).then(function (res) { return res.ok ? res.text() : null; });
  });
  var current = null, seq = 0, timer = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // Appends `text` (code points from..to) to `parent`, marking where terms occur.
  function marked(parent, text, terms, from, to) {
    var cs = Array.from(text), nc = chars(text), on = new Array(cs.length).fill(false);
    terms.forEach(function (t) {
      find(nc, t).forEach(function (i) { for (var j = 0; j < t.c.length; j++) on[i + j] = true; });
    });
    from = from || 0; to = to === undefined ? cs.length : to;
    for (var i = from; i < to;) {
      var j = i;
      while (j < to && on[j] === on[i]) j++;
      var s = cs.slice(i, j).join('');
      parent.appendChild(on[i] ? el('mark', '', s) : document.createTextNode(s));
      i = j;
    }
  }
  function snippet(d, terms) {
    var p = el('p', 'search-snippet');
    var texts = [d.m, d.b].map(function (x) { return x.replace(/\s+/g, ' '); }), text = texts[1], at = -1;
    for (var k = 0; k < texts.length && at < 0; k++) {
      var nc = chars(texts[k]);
      terms.forEach(function (t) {
        var f = find(nc, t);
        if (f.length && (at < 0 || f[0] < at)) { at = f[0]; text = texts[k]; }
      });
    }
    var n = Array.from(text).length, from = Math.max(0, at - 24), to = Math.min(n, Math.max(at, 0) + 60);
    if (from > 0) p.appendChild(document.createTextNode('…'));
    marked(p, text, terms, from, to);
    if (to < n) p.appendChild(document.createTextNode('…'));
    return p;
  }
  function item(d, id, terms) {
    var li = el('li', 'search-hit'), a = el('a', 'search-title'), l = engine.labels(id);
    a.href = d.u;
    marked(a, d.t, terms);
    li.appendChild(a);
    var meta = [l[3] + l[0]]; // 工匠, or 区级工匠 on a site with unions
    if (l[1]) meta.push(l[1] + '年');
    if (l[2] && engine.m.industries[l[2]]) meta.push(engine.m.industries[l[2]]);
    li.appendChild(el('span', 'search-meta', meta.join(' · ')));
    li.appendChild(snippet(d, terms));
    return li;
  }
  function idle(q, msg) {
    document.documentElement.classList.remove('search-q');
    list.textContent = '';
    moreBtn.hidden = true;
    help.hidden = false;
    browse.hidden = false;
    status.textContent = msg;
  }
  function show(r, mine, q) {
    return engine.more(r, r.hits.length + BATCH).then(function () {
      var from = list.children.length;
      return Promise.all(r.hits.slice(from).map(function (h) { return engine.doc(h.id); })).then(function (ds) {
        if (mine !== seq) return;
        ds.forEach(function (d, i) { list.appendChild(item(d, r.hits[from + i].id, r.terms)); });
        if (!r.hits.length) return idle(q, '没有找到含有“' + q + '”的结果。可以换个说法、少写几个字，或按下方的字母和行业浏览。');
        help.hidden = true;
        browse.hidden = true;
        moreBtn.hidden = r.exact ? list.children.length >= r.count : r.next >= r.cands.length && !r.pending.length;
        status.textContent = (r.exact ? '找到 ' : '找到约 ') + r.count + ' 条结果' + (list.children.length < r.count ? '，显示前 ' + list.children.length + ' 条' : '');
      });
    });
  }
  // The form's fields; the level filter is there only on a site with unions.
  var FIELDS = ['q', 'industry', 'cohort', 'level'].filter(function (k) { return form.elements[k]; });
  function params() {
    var p = new URLSearchParams();
    FIELDS.forEach(function (k) { if (form.elements[k].value.trim()) p.set(k, form.elements[k].value.trim()); });
    return p;
  }
  function run() {
    var p = params(), q = p.get('q') || '', mine = ++seq, s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
    current = null;
    if (!queryTerms(q).length) return idle(q, '');
    status.textContent = '正在搜索……';
    return engine.search(q, { industry: p.get('industry'), cohort: p.get('cohort'), level: p.get('level') }).then(function (r) {
      if (mine !== seq) return;
      list.textContent = '';
      current = r;
      return show(r, mine, q);
    }).catch(function () {
      if (mine === seq) idle(q, '搜索暂时无法使用（索引没有加载成功），请稍后再试，或按下方的字母和行业浏览。');
    });
  }
  var init = new URLSearchParams(location.search);
  FIELDS.forEach(function (k) { if (init.get(k)) form.elements[k].value = init.get(k); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener('change', function () { clearTimeout(timer); run(); });
  moreBtn.addEventListener('click', function () {
    if (current) show(current, seq, params().get('q') || '');
  });
  run();
})(this);
