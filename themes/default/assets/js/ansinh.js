/* An Sinh page helpers: read the page aloud, share it, copy its address.
   No network, no framework; every control stays hidden where it cannot work. */
(function () {
  "use strict";

  function speechData() {
    var node = document.getElementById("ansinh-speech");
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function voiceFor(lang) {
    var prefix = lang.slice(0, 2).toLowerCase();
    var voices = window.speechSynthesis.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(prefix) === 0) return voices[i];
    }
    return null;
  }

  function sentences(text) {
    var parts = text.match(/[^.!?…]+[.!?…]*\s*/g) || [text];
    return parts.map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function setUpListen(button) {
    var data = speechData();
    if (!data || !("speechSynthesis" in window)) return;
    var speaking = false;
    var labelListen = button.textContent;
    var labelStop = button.getAttribute("data-label-stop") || labelListen;

    function stop() {
      window.speechSynthesis.cancel();
      speaking = false;
      button.textContent = labelListen;
      button.setAttribute("aria-pressed", "false");
    }

    function reveal() {
      if (voiceFor(data.lang)) button.hidden = false;
    }

    button.addEventListener("click", function () {
      if (speaking) { stop(); return; }
      var voice = voiceFor(data.lang);
      if (!voice) return;
      var parts = sentences(data.text);
      speaking = true;
      button.textContent = labelStop;
      button.setAttribute("aria-pressed", "true");
      parts.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part);
        utterance.lang = data.lang;
        utterance.voice = voice;
        utterance.rate = 0.9;
        if (index === parts.length - 1) utterance.onend = stop;
        window.speechSynthesis.speak(utterance);
      });
    });
    reveal();
    window.speechSynthesis.addEventListener("voiceschanged", reveal);
  }

  function setUpShare(button) {
    if (!navigator.share) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.getAttribute("data-title"), url: button.getAttribute("data-url") })
        .catch(function () {});
    });
  }

  /* Without the phone's share sheet, the copy button names Zalo, where most links are
     sent: copy here, paste in Zalo. */
  function setUpCopy(button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    var zalo = !navigator.share && button.hasAttribute("data-label-zalo");
    if (zalo) button.textContent = button.getAttribute("data-label-zalo");
    var label = button.textContent;
    var done = button.getAttribute(zalo ? "data-label-done-zalo" : "data-label-done");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        button.textContent = done || label;
        window.setTimeout(function () { button.textContent = label; }, 2500);
      }).catch(function () {});
    });
  }

  /* Metered verse lines never wrap on a phone (css/verse.css): when the widest line is
     wider than the verse, its type shrinks until it fits, down to a readable minimum. */
  var VERSE_MIN_PX = 12;

  function fitVerse(body) {
    var stanzas = body.querySelectorAll(".verse__stanza");
    stanzas.forEach(function (stanza) { stanza.style.fontSize = ""; });
    if (getComputedStyle(body).overflowX !== "auto") return;
    var left = body.getBoundingClientRect().left;
    var widest = 0;
    body.querySelectorAll(".verse__line").forEach(function (line) {
      widest = Math.max(widest, line.getBoundingClientRect().right - left);
    });
    var room = body.clientWidth;
    if (widest <= room) return;
    stanzas.forEach(function (stanza) {
      var size = parseFloat(getComputedStyle(stanza).fontSize);
      var fitted = Math.floor(size * room / widest * 10) / 10;
      stanza.style.fontSize = Math.max(VERSE_MIN_PX, fitted) + "px";
    });
  }

  function fitVerses() {
    var bodies = document.querySelectorAll(".verse:not(.verse--vong-co) .verse__body");
    if (!bodies.length) return;
    bodies.forEach(fitVerse);
    var pending = 0;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { bodies.forEach(fitVerse); }, 150);
    });
  }

  function nameDialogs() {
    document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])')
      .forEach(function (dialog) {
        var input = dialog.querySelector("input[placeholder]");
        if (input) dialog.setAttribute("aria-label", input.getAttribute("placeholder"));
      });
  }

  function openForPrint() {
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.ansinh-benefit").forEach(function (d) { d.open = true; });
    });
  }

  /* Nothing of search is fetched until the person opens or types in the search box. */
  function setUpSearch(form) {
    var input = form.querySelector("input");
    var toggle = document.getElementById("__search");
    var loaded = false;
    function load() {
      if (loaded) return;
      loaded = true;
      var script = document.createElement("script");
      script.src = new URL("assets/search/search.js", window.__md_scope || document.baseURI).href;
      document.head.appendChild(script);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
    input.addEventListener("focus", load);
    input.addEventListener("input", load);
    if (toggle) toggle.addEventListener("change", function () {
      if (!toggle.checked) return;
      load();
      input.focus();
    });
  }

  /* The drawer and the search box are check boxes the style sheet shows or hides; Escape
     closes whichever is open, as on any dialog. */
  function closeOnEscape() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      ["__search", "__drawer"].forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle && toggle.checked) {
          toggle.checked = false;
          toggle.dispatchEvent(new Event("change"));
        }
      });
    });
  }

  function start() {
    /* The engine's style sheet hides its search box on pages without the engine's own
       script (class no-js); this class shows it again, since this script runs search. */
    document.documentElement.classList.add("ansinh-js");
    nameDialogs();
    closeOnEscape();
    document.querySelectorAll("form[data-ansinh-search]").forEach(setUpSearch);
    openForPrint();
    fitVerses();
    document.querySelectorAll(".ansinh-listen").forEach(setUpListen);
    document.querySelectorAll(".ansinh-share").forEach(setUpShare);
    document.querySelectorAll(".ansinh-copy").forEach(setUpCopy);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
