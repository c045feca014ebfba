// gongjiang preview: reloads the page after a rebuild, shows content errors over the last good page
// and the warnings of the latest build in a small panel at the bottom corner. The status it reads
// is documented in src/serve/status.rs.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = Number(script && script.getAttribute("data-version")) || 0;
  var overlay = null;
  var delay = 500;

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) e.setAttribute("style", style);
    return e;
  }

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(s) {
    hide();
    var everBuilt = s.ever_built;
    var errors = (s.diagnostics || []).filter(function (d) { return d.severity === "error"; });
    var total = typeof s.errors === "number" ? s.errors : errors.length;
    overlay = el("div", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.97);color:#fff;font:16px/1.6 'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;padding:24px");
    overlay.id = "gongjiang-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "内容有错误");
    var box = el("div", "", "max-width:860px;margin:0 auto");
    box.appendChild(el("h2", "内容有 " + total + " 处错误，网页还没有更新", "margin:0 0 8px;font-size:22px;color:#ffb4b4"));
    box.appendChild(el("p", everBuilt
      ? "关掉提示可以看到上一次成功生成的网页。改正文件并保存后，这个提示会自动消失。"
      : "网站还没有成功生成过。改正文件并保存后，页面会自动出现。", "margin:0 0 16px;color:#ddd"));
    errors.forEach(function (d) {
      if (typeof d.count === "number") {
        box.appendChild(el("p", "……" + d.message, "margin:0 0 12px;color:#ddd"));
        return;
      }
      var item = el("div", "", "background:#2b2b2b;border-left:4px solid #ff6b6b;padding:12px 16px;margin:0 0 12px;border-radius:4px");
      var where = d.file ? d.file + (d.line ? "：第 " + d.line + " 行" + (d.column ? "，第 " + d.column + " 列" : "") : "") : "整个站点";
      item.appendChild(el("div", where, "font-family:ui-monospace,Menlo,Consolas,monospace;color:#9ecbff"));
      item.appendChild(el("div", d.message, "font-size:18px;margin:4px 0"));
      if (d.hint) item.appendChild(el("div", "提示：" + d.hint, "color:#c8f7c5"));
      item.appendChild(el("div", d.code, "color:#999;font-size:13px"));
      box.appendChild(item);
    });
    if (s.unlisted_errors > 0) {
      box.appendChild(el("p", "还有 " + s.unlisted_errors + " 个问题没有列在这里，完整清单见运行 gongjiang serve 的终端。", "margin:0 0 12px;color:#ddd"));
    }
    if (everBuilt) {
      var close = el("button", "先看旧页面", "font:inherit;padding:8px 16px;min-height:44px;cursor:pointer");
      close.onclick = hide;
      box.appendChild(close);
    }
    overlay.appendChild(box);
    (document.body || document.documentElement).appendChild(overlay);
  }

  function swapCss() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("v", String(Date.now()));
      links[i].href = url.toString();
    }
  }

  // The warnings panel: a strip at the bottom corner ("2 条提醒") that opens into the list. It
  // lives in a shadow root, so that the site's CSS and the panel's cannot touch each other; it is
  // fixed, so that the page's layout never moves. Whether it is open, dismissed or announced is
  // kept for this tab across the reload that follows every rebuild.
  var STORE = "gongjiang-warnings-";
  var memory = {};
  var panel = null;
  var panelKey = null;

  function recall(name) {
    try { return window.sessionStorage.getItem(STORE + name); }
    catch (e) { return Object.prototype.hasOwnProperty.call(memory, name) ? memory[name] : null; }
  }

  function remember(name, value) {
    if (value === null) delete memory[name]; else memory[name] = value;
    try {
      if (value === null) window.sessionStorage.removeItem(STORE + name);
      else window.sessionStorage.setItem(STORE + name, value);
    } catch (e) { /* storage refused: remembered for this page only */ }
  }

  var PANEL_CSS =
    ".panel{display:flex;flex-direction:column-reverse;align-items:flex-end;gap:.5em;pointer-events:auto;" +
    "margin:0 max(8px,env(safe-area-inset-right)) max(8px,env(safe-area-inset-bottom)) 8px;" +
    "font-family:'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif;" +
    "font-size:max(1em,1rem);line-height:1.5;color:#1f1f1f;text-align:start;overflow-wrap:anywhere}" +
    ".bar{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.5em}" +
    "button{font:inherit;color:#3d2e00;background:#ffe9a8;border:2px solid #8a6100;border-radius:1.5em;" +
    "min-height:44px;min-width:44px;margin:0;padding:.25em 1em;cursor:pointer;display:inline-flex;" +
    "align-items:center;gap:.4em;box-shadow:0 2px 8px rgba(0,0,0,.3)}" +
    "button:hover{background:#ffdf80}" +
    "button:focus-visible,ol:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}" +
    ".close{padding:.25em .7em}" +
    ".mark{display:inline-flex;align-items:center;justify-content:center;width:1.4em;height:1.4em;" +
    "border-radius:50%;background:#8a6100;color:#fff;font-weight:700;font-size:.9em}" +
    ".box{box-sizing:border-box;width:34em;max-width:100%;background:#fff;border:2px solid #8a6100;" +
    "border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:.75em 1em}" +
    ".box[hidden],.more[hidden]{display:none}" +
    ".intro{margin:0 0 .5em}" +
    "ol{list-style:none;margin:0;padding:0;max-height:min(40vh,24em);overflow:auto;overscroll-behavior:contain}" +
    "li{border-left:4px solid #b07d00;background:#fffaf0;padding:.5em .75em;margin:0 0 .5em;border-radius:4px}" +
    ".where{display:block;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875em;color:#0b4f8a}" +
    ".msg{display:block;margin:.15em 0}" +
    ".hint{display:block;color:#2d5a1f}" +
    ".code{display:block;color:#5f6368;font-size:.8125em}" +
    ".more{margin:.5em 0 0;color:#444}" +
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;" +
    "clip:rect(0 0 0 0);white-space:nowrap}" +
    "@media print{.panel{display:none}}";

  function part(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function buildPanel() {
    var host = document.createElement("gongjiang-warnings");
    if (!host.attachShadow) return null;
    host.setAttribute("style", "all:initial!important;display:block!important;position:fixed!important;" +
      "left:0!important;right:0!important;bottom:0!important;z-index:2147483646!important;pointer-events:none!important");
    var root = host.attachShadow({ mode: "open" });
    var p = { host: host };
    var section = part("section", "panel");
    section.setAttribute("aria-label", "预览提醒");
    section.setAttribute("lang", "zh-CN");
    var bar = part("div", "bar");
    p.toggle = part("button", "toggle");
    p.toggle.type = "button";
    p.toggle.setAttribute("aria-controls", "list");
    var mark = part("span", "mark", "!");
    mark.setAttribute("aria-hidden", "true");
    p.count = part("span", "count");
    p.arrow = part("span", "arrow");
    p.arrow.setAttribute("aria-hidden", "true");
    p.toggle.append(mark, p.count, p.arrow);
    var close = part("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "关闭提醒");
    close.title = "关闭提醒（提醒有变化时会再出现）";
    bar.append(p.toggle, close);
    p.box = part("div", "box");
    p.box.id = "list";
    p.list = part("ol");
    p.list.tabIndex = 0;
    p.list.setAttribute("aria-label", "提醒列表");
    p.more = part("p", "more");
    p.box.append(part("p", "intro", "网站照常生成了，但下面这些地方最好改正；改好并保存后，对应的提醒会自动消失。"), p.list, p.more);
    p.status = part("span", "sr");
    p.status.setAttribute("role", "status");
    p.status.setAttribute("aria-live", "polite");
    section.append(bar, p.box, p.status);
    var style = document.createElement("style");
    style.textContent = PANEL_CSS;
    root.append(style, section);
    p.toggle.addEventListener("click", function () { setOpen(p.box.hidden); });
    close.addEventListener("click", dismiss);
    return p;
  }

  function setOpen(open) {
    if (!panel) return;
    panel.box.hidden = !open;
    panel.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    panel.arrow.textContent = open ? "▾" : "▴";
    remember("open", open ? "1" : null);
  }

  function removePanel() {
    if (panel) { panel.host.remove(); panel = null; panelKey = null; }
  }

  function dismiss() {
    remember("dismissed", panelKey);
    remember("open", null);
    removePanel();
  }

  function where(d) {
    if (!d.file) return "整个站点";
    return d.file + (d.line ? ":" + d.line + (d.column ? ":" + d.column : "") : "");
  }

  function entry(d) {
    var li = part("li");
    li.appendChild(part("span", "where", where(d)));
    if (typeof d.count === "number") {
      li.appendChild(part("span", "msg", "……" + d.message));
      return li;
    }
    li.appendChild(part("span", "msg", d.message));
    if (d.hint) li.appendChild(part("span", "hint", "提示：" + d.hint));
    li.appendChild(part("span", "code", d.code));
    return li;
  }

  // The count, for screen readers: announced (politely) when this tab has not heard this set of
  // warnings yet; a live region announces changes, so the text comes a moment after the region.
  function tell(total, changed) {
    var text = "预览有 " + total + " 条提醒，网站照常生成";
    if (!changed) return;
    if (recall("announced") === panelKey) { panel.status.textContent = text; return; }
    remember("announced", panelKey);
    panel.status.textContent = "";
    setTimeout(function () { if (panel) panel.status.textContent = text; }, 250);
  }

  // Shows the warnings of the latest build (all of them counted, the listed ones listed), or
  // nothing when there are none or the editor dismissed this very set of them.
  function showWarnings(s) {
    var listed = (s.diagnostics || []).filter(function (d) { return d.severity === "warning"; });
    var total = typeof s.warnings === "number" ? s.warnings : listed.length;
    var key = String(s.warnings_key || total);
    var dismissed = recall("dismissed");
    if (total === 0) { remember("dismissed", null); remember("open", null); removePanel(); return; }
    if (dismissed === key) { removePanel(); return; }
    if (dismissed !== null) remember("dismissed", null);
    if (!panel) {
      panel = buildPanel();
      if (!panel) return;
      (document.body || document.documentElement).appendChild(panel.host);
      setOpen(recall("open") === "1");
    }
    var changed = key !== panelKey;
    panelKey = key;
    panel.count.textContent = total + " 条提醒";
    panel.list.replaceChildren.apply(panel.list, listed.map(entry));
    var unlisted = s.unlisted_warnings || 0;
    panel.more.hidden = unlisted === 0;
    panel.more.textContent = unlisted ? "还有 " + unlisted + " 条提醒没有列在这里，完整清单见运行 gongjiang serve 的终端。" : "";
    tell(total, changed);
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !panel || panel.box.hidden) return;
    var inside = document.activeElement === panel.host;
    setOpen(false);
    if (inside) panel.toggle.focus();
  });

  function onStatus(s) {
    if (!s.ok) { show(s); showWarnings(s); return; }
    hide();
    if (s.version > version) {
      if (s.css_only && s.version === version + 1) { version = s.version; swapCss(); }
      else { location.reload(); return; }
    }
    showWarnings(s);
  }

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(proto + location.host + "/__gongjiang/ws");
    ws.onopen = function () { delay = 500; };
    ws.onmessage = function (m) {
      try { onStatus(JSON.parse(m.data)); } catch (e) { /* ignore malformed messages */ }
    };
    ws.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }
  connect();
})();
