/*
 * Start-up check of the pane pages, inlined into taskpane.html and preview.html by the build (its
 * SHA-256 is in the page's Content-Security-Policy). ES5 only, on purpose: it must run where the
 * pane cannot — Internet Explorer 11, the webview of Excel 2016/2019 — and show the page's Russian
 * «what works here» block (#msoko-fallback) instead of a blank pane. It shows it when
 *   - the webview lacks what the pane needs (IE11: no Promise, Symbol, Map, fetch…);
 *   - office.js did not load (offline, blocked CDN) on a page that loads it (data-office="1");
 *   - the pane's bundles did not load or did not start (the entry calls window.__msokoStarted()).
 * scripts/check-syntax.mjs checks this file at ES5.
 */
(function () {
  "use strict";
  var w = window;
  var d = document;
  var root = d.documentElement;
  var started = false;
  var shown = false;

  function missingFeatures() {
    var names = ["Promise", "Symbol", "Map", "Set", "WeakMap", "fetch"];
    var out = [];
    for (var i = 0; i < names.length; i++) if (typeof w[names[i]] === "undefined") out.push(names[i]);
    if (typeof Object.assign !== "function") out.push("Object.assign");
    return out;
  }

  /** Shows the block and the paragraph for `reason` (browser | office | bundle); hides the pane. */
  function show(reason) {
    if (shown) return;
    shown = true;
    root.className += " msoko-fallback";
    root.setAttribute("data-fallback", reason);
    var parts = d.querySelectorAll("[data-reason]");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].getAttribute("data-reason") === reason) parts[i].className += " msoko-shown";
    }
  }

  // The entries (src/taskpane/index.tsx, preview.tsx) call this once their modules have run.
  w.__msokoStarted = function () {
    started = true;
  };

  var missing = missingFeatures();
  if (missing.length) root.setAttribute("data-missing", missing.join(" "));

  function decide() {
    if (missing.length) show("browser");
    else if (root.getAttribute("data-office") === "1" && typeof w.Office === "undefined") show("office");
    else if (!started) show("bundle");
  }

  // Deferred scripts (office.js in the head, the bundles) have all run or failed before «load».
  if (w.addEventListener) w.addEventListener("load", decide, false);
  else if (w.attachEvent) w.attachEvent("onload", decide);
})();
