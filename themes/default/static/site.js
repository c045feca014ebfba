// Large-text switch (适老化): the button is in the page from the start (shown only when scripts
// run, by the class "js" that the head script sets, so that it never moves the page); this wires
// it. The choice is kept in localStorage and applied by the head script before the first paint.
(function () {
  var root = document.documentElement, key = "gj-text", b = document.querySelector(".text-toggle");
  if (!b) return;
  function show() { b.setAttribute("aria-pressed", root.classList.contains("large") ? "true" : "false"); }
  b.addEventListener("click", function () {
    var on = root.classList.toggle("large");
    try { if (on) localStorage.setItem(key, "large"); else localStorage.removeItem(key); } catch (e) {}
    show();
  });
  show();
})();
