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

  function setUpCopy(button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        button.textContent = button.getAttribute("data-label-done") || label;
        window.setTimeout(function () { button.textContent = label; }, 2500);
      }).catch(function () {});
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

  function start() {
    nameDialogs();
    document.querySelectorAll("form[data-ansinh-search]").forEach(setUpSearch);
    openForPrint();
    document.querySelectorAll(".ansinh-listen").forEach(setUpListen);
    document.querySelectorAll(".ansinh-share").forEach(setUpShare);
    document.querySelectorAll(".ansinh-copy").forEach(setUpCopy);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
