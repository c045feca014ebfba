// gongjiang preview: reloads the page after a rebuild and shows content errors over the last good page.
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
    if (s.unlisted > 0) {
      box.appendChild(el("p", "还有 " + s.unlisted + " 个问题没有列在这里，完整清单见运行 gongjiang serve 的终端。", "margin:0 0 12px;color:#ddd"));
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

  function onStatus(s) {
    if (!s.ok) { show(s); return; }
    hide();
    if (s.version > version) {
      if (s.css_only && s.version === version + 1) { version = s.version; swapCss(); }
      else { location.reload(); }
    }
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
