/*
 * Stand-in for office.js in the browser tests: test/e2e/run.mjs routes the office.js CDN URL to
 * this file. It provides what the pane's entry uses — Office.onReady and Office.context (theme,
 * requirement sets) — and sets the pane's memory hook (src/taskpane/host/hook.ts), so the pane
 * runs against an in-memory workbook instead of Excel. `?theme=dark` in the page URL selects
 * Office's dark theme («Чёрная»); `?outside=1` plays office.js in a browser tab outside Excel.
 */
(function () {
  "use strict";
  var dark = new URLSearchParams(window.location.search).get("theme") === "dark";
  var theme = dark
    ? {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#ffffff",
        controlBackgroundColor: "#363636",
        controlForegroundColor: "#ffffff",
        isDarkTheme: true,
      }
    : {
        bodyBackgroundColor: "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
        isDarkTheme: false,
      };
  // `?outside=1`: office.js loaded in a plain browser tab (no Excel host, no memory hook).
  var outside = new URLSearchParams(window.location.search).get("outside") === "1";
  var info = outside ? { host: null, platform: null } : { host: "Excel", platform: "OfficeOnline" };

  if (!outside) window.__msokoHost = { kind: "memory" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    context: {
      displayLanguage: "ru-RU",
      officeTheme: theme,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
    },
    onReady: function (callback) {
      var ready = Promise.resolve(info);
      if (typeof callback === "function") ready.then(callback);
      return ready;
    },
  };
})();
