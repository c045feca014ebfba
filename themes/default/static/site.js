// Reading aids (适老化): text size in three steps (100 %, 125 %, 150 %), a high-contrast mode and
// reading the page aloud. The buttons are in the page from the start, shown only when scripts run
// (the head script sets the class "js" and the remembered choices before the first paint), so that
// nothing moves the page; this wires them. Choices are kept in localStorage and work for the page
// at hand where storage is blocked. The 朗读 button keeps its place but stays invisible unless the
// browser can speak Chinese.
(function () {
  var root = document.documentElement;

  function remember(key, value) {
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch (e) { /* storage blocked: the choice holds for this page only */ }
  }

  var size = document.querySelector(".tool-size");
  if (size) {
    size.addEventListener("click", function () {
      var step = root.classList.contains("text-2") ? 2 : root.classList.contains("text-1") ? 1 : 0;
      var next = (step + 1) % 3;
      root.classList.remove("text-1");
      root.classList.remove("text-2");
      if (next) root.classList.add("text-" + next);
      remember("gj-text", next ? String(next) : "");
    });
  }

  var contrast = document.querySelector(".tool-contrast");
  if (contrast) {
    var showContrast = function () {
      contrast.setAttribute("aria-pressed", root.classList.contains("contrast") ? "true" : "false");
    };
    contrast.addEventListener("click", function () {
      var on = !root.classList.contains("contrast");
      if (on) root.classList.add("contrast");
      else root.classList.remove("contrast");
      remember("gj-contrast", on ? "1" : "");
      showContrast();
    });
    showContrast();
  }

  var read = document.querySelector(".tool-read");
  var synth = window.speechSynthesis;
  if (!read || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;
  var voice = null;
  var reading = false;

  // A Chinese voice: zh-CN first, then any other Mandarin one.
  function pickVoice() {
    var voices = synth.getVoices() || [];
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || "").toLowerCase().replace("_", "-");
      if (lang === "zh-cn" || lang === "cmn-cn" || lang === "cmn-hans-cn") { best = voices[i]; break; }
      if (!best && (lang === "zh" || lang.indexOf("zh-") === 0 || lang.indexOf("cmn") === 0) && lang !== "zh-hk") best = voices[i];
    }
    voice = best;
    if (voice) root.classList.add("can-read");
    else root.classList.remove("can-read");
  }

  // The page's main text in pieces of whole sentences (long utterances stop early in some browsers).
  function pieces() {
    var main = document.getElementById("main");
    var text = main ? main.innerText || main.textContent || "" : "";
    var parts = text.replace(/[ \t]+/g, " ").split(/([。！？；!?;]+|\n+)/);
    var out = [];
    var piece = "";
    for (var i = 0; i < parts.length; i++) {
      piece += parts[i];
      if (piece.length > 80 || i === parts.length - 1) {
        if (piece.trim()) out.push(piece.trim());
        piece = "";
      }
    }
    return out;
  }

  function setReading(on) {
    reading = on;
    read.setAttribute("aria-pressed", on ? "true" : "false");
    read.textContent = on ? "停止" : "朗读";
  }

  read.addEventListener("click", function () {
    if (!voice) return;
    synth.cancel();
    if (reading) { setReading(false); return; }
    var list = pieces();
    if (!list.length) return;
    setReading(true);
    list.forEach(function (text, i) {
      var u = new window.SpeechSynthesisUtterance(text);
      u.lang = "zh-CN";
      u.voice = voice;
      if (i === list.length - 1) u.onend = function () { setReading(false); };
      u.onerror = function () { setReading(false); };
      synth.speak(u);
    });
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  pickVoice();
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", pickVoice);
  else synth.onvoiceschanged = pickVoice;
})();
