// Layout assertions: what a reader sees, measured in the page. Each check returns a list of
// problems in words (empty when the page is right), so that a failure says where to look.
//
//   narrowText     no text box in the main content narrower than four characters, unless its
//                  text is shorter (line boxes of each text node, from Range.getClientRects())
//   columnWidths   the main column and the search results take the page's content width
//   firstColumns   every table's first column holds its label on one or two lines
//   overlaps       no element (box or text) covers another's text
//   wholeWords     names and short titles (`words`) are never split across two lines, except
//                  in running text (.prose, or a block of more than 40 characters)
//   navLines       the main navigation leaves no line with only one or two items
//   headerHeight   the site header fills at most `headerShare` of the first screen
//   spacing        line spacing at least 1.3 times the font size for all text in the main content;
//                  between two paragraphs, baseline to baseline, at least 1.3 times the line spacing
//                  inside them (the 适老化 guideline's 行距 and 段落间距)
//   layoutShift    cumulative layout shift after load, from a buffered PerformanceObserver
//
// The page is measured as it stands (scrolled to the top); `firstColumns` opens the closed
// <details> for its measurement and closes them again.

/** Runs every check but the layout shift; resolves to { check: [problems] }. */
export async function layoutProblems(page, { words = [], headerShare = 0.4 } = {}) {
  return page.evaluate(measure, { words, headerShare });
}

/** Cumulative layout shift of the page so far (shifts without recent input). */
export async function layoutShift(page, settleMs = 300) {
  return page.evaluate(async (settle) => {
    await new Promise((ok) => setTimeout(ok, settle));
    return new Promise((ok) => {
      let total = 0;
      const shifts = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          total += e.value;
          shifts.push({ value: +e.value.toFixed(4), at: Math.round(e.startTime),
            moved: e.sources.map((s) => s.node?.nodeName + (s.node?.className ? "." + s.node.className : "")).slice(0, 3) });
        }
      });
      observer.observe({ type: "layout-shift", buffered: true });
      setTimeout(() => { observer.disconnect(); ok({ total: +total.toFixed(4), shifts }); }, 50);
    });
  }, settleMs);
}

/** Summarises the problems of `layoutProblems` as one message, or "" when there are none. */
export function describe(problems) {
  return Object.entries(problems)
    .filter(([, list]) => list.length)
    .map(([check, list]) => `${check}: ${list.length} problem(s)\n    ${list.slice(0, 6).join("\n    ")}${list.length > 6 ? "\n    …" : ""}`)
    .join("\n  ");
}

// Runs inside the page: everything it needs is defined here.
function measure({ words, headerShare }) {
  scrollTo(0, 0);
  const main = document.querySelector("main");
  const px = (v) => parseFloat(v) || 0;
  const where = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return `<${el.tagName.toLowerCase()}${id}${cls}>`;
  };
  const short = (s) => {
    const t = s.replace(/\s+/g, " ").trim();
    return JSON.stringify(t.length > 16 ? t.slice(0, 16) + "…" : t);
  };
  const skipTags = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "SELECT", "TITLE"]);

  function textNodes(root) {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (!n.data.trim()) return NodeFilter.FILTER_REJECT;
        for (let e = n.parentElement; e && e !== root.parentElement; e = e.parentElement) {
          if (skipTags.has(e.tagName)) return NodeFilter.FILTER_REJECT;
        }
        const p = n.parentElement;
        if (p.checkVisibility && !p.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    while (walker.nextNode()) out.push(walker.currentNode);
    return out;
  }

  // The boxes that clip what is inside them (overflow other than visible).
  function clipOf(el) {
    let box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.overflowX !== "visible" || st.overflowY !== "visible" || st.clip !== "auto") {
        const r = e.getBoundingClientRect();
        box = { left: Math.max(box.left, r.left), top: Math.max(box.top, r.top), right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom) };
      }
    }
    return box;
  }
  const clipRect = (r, c) => ({ left: Math.max(r.left, c.left), top: Math.max(r.top, c.top), right: Math.min(r.right, c.right), bottom: Math.min(r.bottom, c.bottom) });

  // The line boxes of a text node: one rectangle per line it occupies, clipped to what shows.
  function lines(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const clip = clipOf(node.parentElement);
    const rects = [...range.getClientRects()].map((r) => clipRect(r, clip)).filter((r) => r.right - r.left > 0.5 && r.bottom - r.top > 0.5);
    const fs = px(getComputedStyle(node.parentElement).fontSize);
    const out = [];
    for (const r of rects) {
      const same = out.find((l) => Math.abs(l.top - r.top) < fs * 0.5);
      if (same) {
        same.left = Math.min(same.left, r.left);
        same.right = Math.max(same.right, r.right);
        same.bottom = Math.max(same.bottom, r.bottom);
      } else out.push({ ...r });
    }
    return out;
  }

  function blockOf(el) {
    while (el && getComputedStyle(el).display.startsWith("inline") || el && getComputedStyle(el).display === "contents") el = el.parentElement;
    return el;
  }
  function contentWidth(el) {
    const st = getComputedStyle(el);
    return el.getBoundingClientRect().width - px(st.paddingLeft) - px(st.paddingRight) - px(st.borderLeftWidth) - px(st.borderRightWidth);
  }

  // 1. Narrow text boxes.
  function narrowText() {
    const problems = [];
    const seen = new Set();
    for (const node of textNodes(main)) {
      const ls = lines(node);
      if (ls.length < 2) continue;
      const box = blockOf(node.parentElement);
      const fs = px(getComputedStyle(node.parentElement).fontSize);
      const width = contentWidth(box);
      const widest = Math.max(...ls.map((l) => l.right - l.left));
      if (width < 4 * fs - 1 && !seen.has(box)) {
        seen.add(box);
        problems.push(`${short(node.data)} in ${where(box)} runs over ${ls.length} lines in a box ${Math.round(width)}px wide (widest line ${Math.round(widest)}px), less than four characters (${Math.round(4 * fs)}px)`);
      }
    }
    return problems;
  }

  // 2. The main column and the search results take the page's content width.
  function columnWidths() {
    const problems = [];
    const page = contentWidth(document.querySelector(".site-header .wrap") || document.body);
    const mainWidth = contentWidth(main);
    if (Math.abs(mainWidth - page) > 1) problems.push(`${where(main)} is ${Math.round(mainWidth)}px wide, the page's content width is ${Math.round(page)}px`);
    const must = [...main.children];
    for (const sel of ["#search-results", ".search-hit", ".search-browse", ".search-form"]) must.push(...main.querySelectorAll(sel));
    for (const el of must) {
      const st = getComputedStyle(el);
      if (!el.checkVisibility() || st.display.startsWith("inline") || st.position === "absolute" || st.position === "fixed") continue;
      if (["IMG", "PICTURE", "SVG", "VIDEO", "NOSCRIPT"].includes(el.tagName.toUpperCase())) continue;
      const width = el.getBoundingClientRect().width;
      // A deliberate reading measure of 36 characters or more may be narrower than the page.
      const measure = Math.min(page, 36 * px(st.fontSize));
      const search = el.matches("#search-results, .search-hit, .search-browse, .search-form");
      const need = search ? page : measure;
      if (width < need - 1) problems.push(`${where(el)} is ${Math.round(width)}px wide, ${search ? "the page's content width" : "at least"} ${Math.round(need)}px expected`);
    }
    return problems;
  }

  // 3. Table first columns.
  function firstColumns() {
    const problems = [];
    const closed = [...main.querySelectorAll("details:not([open])")];
    closed.forEach((d) => (d.open = true));
    try {
      for (const table of main.querySelectorAll("table")) {
        if (!table.checkVisibility()) continue;
        for (const row of table.rows) {
          const cell = row.cells[0];
          if (!cell) continue;
          const tops = [];
          for (const node of textNodes(cell)) {
            const fs = px(getComputedStyle(node.parentElement).fontSize);
            for (const l of lines(node)) if (!tops.some((t) => Math.abs(t - l.top) < fs * 0.5)) tops.push(l.top);
          }
          if (tops.length > 2) {
            problems.push(`${short(cell.textContent)} in the first column of ${where(table)}${table.caption ? " " + short(table.caption.textContent) : ""} takes ${tops.length} lines (cell ${Math.round(cell.getBoundingClientRect().width)}px wide)`);
          }
        }
      }
    } finally {
      closed.forEach((d) => (d.open = false));
    }
    return problems;
  }

  // 4. Nothing covers text: neither a painted box (background, border, image, control) nor other text.
  function overlaps() {
    const problems = [];
    const texts = [];
    // Glyphs fill the em box, not the whole content area of the font: compare em boxes.
    for (const node of textNodes(document.body)) {
      const fs = px(getComputedStyle(node.parentElement).fontSize);
      for (const l of lines(node)) {
        const trim = Math.max(0, (l.bottom - l.top - fs) / 2);
        texts.push({ node, rect: { ...l, top: l.top + trim, bottom: l.bottom - trim } });
      }
    }
    const painted = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      if (skipTags.has(el.tagName) || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const st = getComputedStyle(el);
      const bg = st.backgroundColor !== "rgba(0, 0, 0, 0)" && st.backgroundColor !== "transparent" || st.backgroundImage !== "none";
      const border = ["Top", "Right", "Bottom", "Left"].some((s) => px(st[`border${s}Width`]) > 0 && st[`border${s}Style`] !== "none");
      const replaced = /^(img|svg|video|canvas|input|select|textarea|button|iframe)$/i.test(el.tagName);
      if (!bg && !border && !replaced) continue;
      const clip = clipOf(el.parentElement || el);
      for (const r of el.getClientRects()) painted.push({ el, rect: clipRect(r, clip) });
    }
    const reported = new Set();
    const hit = (a, b) => {
      const i = clipRect(a, b);
      return i.right - i.left > 2 && i.bottom - i.top > 2;
    };
    for (const t of texts) {
      for (const p of painted) {
        if (p.el.contains(t.node) || !hit(t.rect, p.rect)) continue;
        const key = `${where(p.el)}|${t.node.data}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push(`${where(p.el)} covers the text ${short(t.node.data)} of ${where(t.node.parentElement)}`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], b = texts[j];
        if (a.node === b.node || !hit(a.rect, b.rect)) continue;
        const key = `${a.node.data}|${b.node.data}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push(`the text ${short(a.node.data)} of ${where(a.node.parentElement)} and ${short(b.node.data)} of ${where(b.node.parentElement)} overlap`);
      }
    }
    return problems;
  }

  // 5. Names and short titles stay on one line, wherever the text around them is short (headings,
  // links, names, meta lines, cells); running text (the body of a profile or story, or any block
  // of more than 40 characters) breaks as Chinese does.
  function wholeWords() {
    const problems = [];
    if (!words.length) return problems;
    for (const node of textNodes(document.body)) {
      if (node.parentElement.closest(".prose") || blockOf(node.parentElement).textContent.trim().length > 40) continue;
      for (const w of words) {
        for (let at = node.data.indexOf(w); at >= 0; at = node.data.indexOf(w, at + w.length)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const fs = px(getComputedStyle(node.parentElement).fontSize);
          const tops = [];
          for (const r of range.getClientRects()) if (r.width > 0.5 && !tops.some((t) => Math.abs(t - r.top) < fs * 0.5)) tops.push(r.top);
          if (tops.length > 1) problems.push(`"${w}" in ${where(node.parentElement)} is split over ${tops.length} lines`);
        }
      }
    }
    return [...new Set(problems)];
  }

  // 6. Navigation lines.
  function navLines() {
    const nav = document.querySelector("nav[aria-label='主导航']");
    if (!nav) return [];
    const items = [...nav.querySelectorAll("li")].filter((li) => li.checkVisibility());
    const rows = [];
    for (const li of items) {
      const top = li.getBoundingClientRect().top;
      const row = rows.find((r) => Math.abs(r.top - top) < 8);
      if (row) row.items.push(li.textContent.trim());
      else rows.push({ top, items: [li.textContent.trim()] });
    }
    if (rows.length < 2) return [];
    return rows.filter((r) => r.items.length < 3).map((r) => `a navigation line holds only ${r.items.join("、")} (lines: ${rows.map((x) => x.items.length).join("+")})`);
  }

  // 7. The header leaves most of the first screen to the page.
  function headerHeight() {
    const header = document.querySelector(".site-header");
    if (!header) return [];
    const share = header.getBoundingClientRect().bottom / innerHeight;
    return share > headerShare ? [`the header fills ${Math.round(share * 100)}% of the first screen (${innerWidth}×${innerHeight}), more than ${Math.round(headerShare * 100)}%`] : [];
  }

  // 8. Line and paragraph spacing.
  function spacing() {
    const problems = [];
    const seen = new Set();
    const lineHeight = (el) => {
      const st = getComputedStyle(el);
      return st.lineHeight === "normal" ? 1.2 * px(st.fontSize) : px(st.lineHeight);
    };
    for (const node of textNodes(main)) {
      const el = node.parentElement;
      if (seen.has(el) || el.closest("svg")) continue;
      seen.add(el);
      const ratio = lineHeight(el) / px(getComputedStyle(el).fontSize);
      if (ratio < 1.3 - 0.005) problems.push(`${short(node.data)} in ${where(el)} has a line spacing of ${ratio.toFixed(2)}, less than 1.3`);
    }
    const tops = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rs = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5).map((r) => r.bottom);
      return rs.length ? [Math.min(...rs), Math.max(...rs)] : null;
    };
    for (const p of main.querySelectorAll("p")) {
      const next = p.nextElementSibling;
      if (!next || next.tagName !== "P" || !p.checkVisibility() || !next.checkVisibility()) continue;
      const a = tops(p), b = tops(next);
      if (!a || !b) continue;
      const lh = lineHeight(p);
      const pitch = b[0] - a[1];
      if (pitch < 1.3 * lh - 1) problems.push(`${short(next.textContent)} in ${where(next)} starts ${Math.round(pitch)}px below the paragraph before it (baseline to baseline), less than 1.3 × its line spacing ${Math.round(lh)}px`);
    }
    return problems;
  }

  return { narrowText: narrowText(), columnWidths: columnWidths(), firstColumns: firstColumns(), overlaps: overlaps(), wholeWords: wholeWords(), navLines: navLines(), headerHeight: headerHeight(), spacing: spacing() };
}
