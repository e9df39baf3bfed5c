/* An Sinh site search, loaded only when a person starts to search (js/ansinh.js).
   A query becomes the same tokens as the index (generator/text/fold.py): a word typed
   without marks looks for its folded form, a word typed with marks for exactly that
   spelling, whichever vowel carries the tone. Pagefind finds the candidate pages; a page
   is shown only when its tokens hold every word of the query, whole. */
(function () {
  "use strict";

  var TONES = { "\u0300": "2f", "\u0301": "2s", "\u0303": "2x", "\u0309": "2r", "\u0323": "2j" };
  var SHORT = { "\u0111": "2d", "\u0302": "2c", "\u0306": "2b", "\u031b": "2h" };
  var MARK = /\p{M}/u;
  var SHOWN = 20;
  var CHECKED = 20;

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || [];
  }

  function fold(word) {
    return Array.from(word.toLowerCase().replace(/\u0111/g, "d").normalize("NFD"))
      .filter(function (ch) { return !MARK.test(ch); }).join("");
  }

  function exact(word) {
    var chars = Array.from(word.toLowerCase().normalize("NFD"));
    var tones = chars.filter(function (ch) { return ch in TONES; });
    return chars.filter(function (ch) { return !(ch in TONES); }).concat(tones).join("");
  }

  function spell(text) {
    return Array.from(text).map(function (ch) {
      if (ch >= "a" && ch <= "z") return ch;
      if (ch >= "0" && ch <= "9") return "3" + ch;
      return TONES[ch] || SHORT[ch] || "8" + ch.codePointAt(0).toString(8) + "8";
    }).join("");
  }

  function queryTokens(text) {
    var tokens = [];
    words(text).forEach(function (word) {
      var folded = fold(word), kept = exact(word);
      var token = kept === folded ? spell(folded) + "0" : spell(kept) + "1";
      if (tokens.indexOf(token) < 0) tokens.push(token);
    });
    return tokens;
  }

  function indexTokens(text) {
    var tokens = [];
    words(text).forEach(function (word) {
      var folded = fold(word), kept = exact(word);
      tokens.push(spell(folded) + "0");
      if (kept !== folded) tokens.push(spell(kept) + "1");
    });
    return tokens;
  }

  window.ansinhSearch = { words: words, queryTokens: queryTokens, indexTokens: indexTokens };

  var form = document.querySelector("form[data-ansinh-search]");
  if (!form) return;
  var input = form.querySelector("input");
  var meta = document.querySelector("[data-ansinh-search-meta]");
  var list = document.querySelector("[data-ansinh-search-list]");
  var root = window.__md_scope || new URL(".", document.baseURI);
  var engine = import(new URL("pagefind/pagefind.js", root).href);
  var asked = 0;

  function say(count) {
    if (count === 0) return form.getAttribute("data-none");
    if (count === 1) return form.getAttribute("data-one");
    return form.getAttribute("data-other").replace("#", String(count));
  }

  function item(page) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(page.url, root).href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = page.meta.title || page.url;
    var summary = document.createElement("p");
    summary.textContent = page.meta.summary || "";
    article.append(title, summary);
    link.append(article);
    li.append(link);
    return li;
  }

  function holdsAll(page, tokens) {
    var held = new Set(page.content.split(" "));
    return tokens.every(function (token) { return held.has(token); });
  }

  async function search() {
    var ask = ++asked;
    var tokens = queryTokens(input.value);
    if (!tokens.length) {
      list.replaceChildren();
      meta.textContent = form.getAttribute("data-placeholder");
      return;
    }
    var pagefind = await engine;
    var found = await pagefind.search(tokens.join(" "));
    var pages = await Promise.all(found.results.slice(0, CHECKED).map(function (r) { return r.data(); }));
    if (ask !== asked) return;
    var kept = pages.filter(function (page) { return holdsAll(page, tokens); });
    meta.textContent = say(kept.length);
    list.replaceChildren.apply(list, kept.slice(0, SHOWN).map(item));
    form.setAttribute("data-ansinh-searched", input.value);
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  if (input.value) search();
})();
