// Large-text switch (适老化): offered only when scripts run; the choice is kept in localStorage.
(function () {
  var root = document.documentElement, key = "gj-text", top = document.querySelector(".site-header .top");
  if (!top) return;
  var b = document.createElement("button");
  b.type = "button";
  b.className = "text-toggle";
  b.textContent = "大字";
  b.title = "放大全站文字";
  function show() { b.setAttribute("aria-pressed", root.classList.contains("large") ? "true" : "false"); }
  b.addEventListener("click", function () {
    var on = root.classList.toggle("large");
    try { if (on) localStorage.setItem(key, "large"); else localStorage.removeItem(key); } catch (e) {}
    show();
  });
  show();
  top.insertBefore(b, top.querySelector(".search"));
})();
