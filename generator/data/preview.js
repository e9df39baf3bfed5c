// An Sinh preview only: served by `ansinh serve`, never part of a built site.
// Polls the preview's status; lists the problems of the last rebuild over the page,
// exactly as `ansinh check` prints them, and reloads the page after each good rebuild.
(function () {
  "use strict";
  var base = "/__ansinh__/";
  var script = document.currentScript;
  var seen = Number(script && script.getAttribute("data-generation")) || 0;
  var panel = null;
  var shown = "";

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = base + "preview.css";
  document.head.appendChild(style);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function list(lines) {
    var ul = element("ul", "ansinh-preview-lines");
    lines.forEach(function (line) {
      ul.appendChild(element("li", "", line));
    });
    return ul;
  }

  function draw(status) {
    var errors = status.problems.filter(function (p) { return p.severity === "error"; });
    var warnings = status.problems.filter(function (p) { return p.severity !== "error"; });
    var key = JSON.stringify([status.building, status.failure, status.problems]);
    if (key === shown) return;
    shown = key;
    if (panel) panel.remove();
    panel = element("div", "ansinh-preview");
    var state = errors.length || status.failure ? "error" : "quiet";
    if (state === "quiet" && (warnings.length || status.building)) state = "notice";
    panel.setAttribute("data-state", state);
    if (errors.length || status.failure) {
      panel.setAttribute("role", "alert");
      panel.appendChild(element("p", "ansinh-preview-title", status.labels.errors));
      if (status.failure) panel.appendChild(list([status.failure]));
      panel.appendChild(list(status.problems.map(function (p) { return p.text; })));
      panel.appendChild(element("p", "ansinh-preview-note", status.labels.kept));
    } else if (warnings.length) {
      var details = element("details", "ansinh-preview-warnings");
      details.appendChild(element("summary", "", status.labels.warnings));
      details.appendChild(list(warnings.map(function (p) { return p.text; })));
      panel.appendChild(details);
    }
    if (status.building) panel.appendChild(element("p", "ansinh-preview-note", status.labels.building));
    var outputs = element("a", "ansinh-preview-outputs", status.labels.outputs);
    outputs.href = base + "outputs";
    panel.appendChild(outputs);
    document.body.appendChild(panel);
  }

  function poll() {
    fetch(base + "status.json", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.generation > seen) {
          window.location.reload();
          return;
        }
        draw(status);
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }

  poll();
})();
