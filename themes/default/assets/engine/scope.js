/* Globals the site engine's script expects, set from a file instead of an inline
   script so that pages satisfy a Content-Security-Policy of script-src 'self'.
   The site root is two folders above this file (assets/engine/). */
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src);
  window.__md_scope = root;
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
    return hash;
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* full or blocked */ }
  };
})();
